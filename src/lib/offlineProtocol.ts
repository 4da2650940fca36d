/**
 * What a page and the course's service worker say to each other (over a MessageChannel, so each request
 * gets its own reply), and the names of the caches the worker owns.
 */

/** A page's request to the service worker. */
export type OfflineRequest =
  | { type: 'keep-locale'; locale: string }
  | { type: 'forget' }
  /** Sent by workbox-window's `messageSkipWaiting()`, in its own spelling. */
  | { type: 'SKIP_WAITING' };

/** The worker's reply: which languages it keeps and how many bytes its caches hold, or why it could not. */
export type OfflineReply = { type: 'status'; kept: string[]; bytes: number } | { type: 'failed'; reason: 'quota' | 'other' };

const prefix = 'course-offline-';

/** The caches the service worker owns; `forget` deletes every one of them and nothing else. */
export const offlineCacheNames = {
  /** What every cache name starts with. */
  prefix,
  shell: `${prefix}shell`,
  /** The demos' runtime (ONNX Runtime's WebAssembly): filled by the demo's own download, read by the worker for the runtime's own fetch. */
  runtime: `${prefix}runtime`,
  settings: `${prefix}settings`,
  pages: (locale: string) => `${prefix}pages-${locale}`,
  /** Caches earlier versions of the course kept (the demos' runtime before it was shared with the worker): deleted. */
  retired: ['edge-course-runtime-v1'],
  /** Whether a cache is one of the worker's. */
  isOwn: (name: string) => name.startsWith(prefix),
};
