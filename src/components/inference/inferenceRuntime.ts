/**
 * Starts ONNX Runtime Web on demand, never on page load: downloads its WebAssembly (from our own origin)
 * and models with progress, keeps them in Cache Storage for the next visit (the WebAssembly in the cache
 * the service worker answers the runtime's own fetch from), and talks to the inference worker. One
 * runtime per page, shared by every demo on it.
 */
import type { Provider, RunResult, RuntimeInfo, SessionInfo, WorkerErrorCode, WorkerReplies, WorkerRequest, WorkerResponse } from '../../lib/inferenceProtocol';
import { readStream } from '../../lib/bytes';
import type { PlaceholderInput } from '../../lib/onnxFile';
import { offlineCacheNames } from '../../lib/offlineProtocol';

/** How far one download has got; `total` is undefined when the server sent no length. */
export type DownloadProgress = { file: 'runtime' | 'model'; loaded: number; total: number | undefined };

/** A failure the page can explain: what went wrong decides what the learner should do next. */
export class DemoError extends Error {
  constructor(readonly code: WorkerErrorCode | 'download-failed', message: string) {
    super(message);
  }
}

async function openRuntimeCache(): Promise<Cache | undefined> {
  return 'caches' in globalThis ? caches.open(offlineCacheNames.runtime).catch(() => undefined) : undefined;
}

/** The network's response for `url`, and the promise of its copy being stored (read the response meanwhile: that is the progress). */
async function fetchIntoCache(url: string, cache: Cache | undefined): Promise<{ response: Response; stored: Promise<void> }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DemoError('download-failed', String(error));
  }
  if (!response.ok) throw new DemoError('download-failed', `${url}: HTTP ${response.status}`);
  const stored = cache?.put(url, response.clone()).catch(() => undefined) ?? Promise.resolve(); // a full quota only costs the next visit a download
  return { response, stored };
}

function readWithProgress(response: Response, file: DownloadProgress['file'], onProgress: (progress: DownloadProgress) => void): Promise<ArrayBuffer> {
  const total = Number(response.headers.get('content-length')) || undefined;
  if (!response.body) return response.arrayBuffer();
  return readStream(response.body, { onProgress: (loaded) => onProgress({ file, loaded, total }) });
}

/** The runtime cache's copy of `url`, or the network's answer with its copy being stored (into `storeIn`, when given). */
async function cachedOrFetched(url: string, cache: Cache | undefined, storeIn: Cache | undefined): Promise<{ response: Response; stored: Promise<void>; fromCache: boolean }> {
  const hit = await cache?.match(url);
  if (hit) return { response: hit, stored: Promise.resolve(), fromCache: true };
  return { ...(await fetchIntoCache(url, storeIn)), fromCache: false };
}

/** Fetches a file (from the cache when it is there), reporting bytes as they arrive. */
export async function download(url: string, file: DownloadProgress['file'], onProgress: (progress: DownloadProgress) => void): Promise<ArrayBuffer> {
  const cache = await openRuntimeCache();
  const { response, stored } = await cachedOrFetched(url, cache, cache);
  const bytes = await readWithProgress(response, file, onProgress);
  await stored;
  return bytes;
}

/** A small file a demo needs (its samples), from the runtime cache or from the network into it, so the demo works offline too. */
export async function keptResponse(url: string): Promise<Response> {
  const cache = await openRuntimeCache();
  const { response, stored } = await cachedOrFetched(url, cache, cache);
  await stored;
  return response;
}

/** Whether a demo has run in this browser before: the runtime's WebAssembly and every one of `fileUrls` are in the runtime cache. */
export async function isRuntimeKept(fileUrls: readonly string[]): Promise<boolean> {
  const cache = await openRuntimeCache();
  if (!cache) return false;
  const kept = (await cache.keys()).map((request) => new URL(request.url).pathname);
  return kept.some((path) => path.endsWith('.wasm')) && fileUrls.every((url) => kept.includes(new URL(url, location.href).pathname));
}

/** Makes sure the runtime's WebAssembly is in the runtime cache, downloading it with progress the first time (and then returning its bytes); later, the runtime fetches it from there itself. */
export async function keepRuntimeFile(url: string, onProgress: (progress: DownloadProgress) => void): Promise<ArrayBuffer | undefined> {
  const cache = await openRuntimeCache();
  // Under the course's service worker, the worker stores the response (and drops older builds' copies); without one, the page does both.
  const storesItself = !navigator.serviceWorker?.controller;
  const { response, stored, fromCache } = await cachedOrFetched(url, cache, storesItself ? cache : undefined);
  if (fromCache) return undefined;
  const bytes = await readWithProgress(response, 'runtime', onProgress);
  await stored;
  const current = new URL(url, location.href).href;
  if (storesItself) for (const request of (await cache?.keys()) ?? []) if (request.url.endsWith('.wasm') && request.url !== current) await cache?.delete(request);
  return bytes;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: DemoError) => void }>();

function call<K extends WorkerRequest['kind']>(request: Extract<WorkerRequest, { kind: K }>, transfer: Transferable[] = []): Promise<WorkerReplies[K]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker!.postMessage({ id, request }, transfer);
  });
}

function startWorker(): Worker {
  const created = new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiting?.resolve(reply.value);
    else waiting?.reject(new DemoError(reply.code, reply.message));
  });
  return created;
}

let runtime: Promise<RuntimeInfo> | undefined;

/** Downloads and starts the runtime once per page; a failed start can be retried. */
export function startRuntime(onProgress: (progress: DownloadProgress) => void): Promise<RuntimeInfo> {
  runtime ??= (async () => {
    worker ??= startWorker();
    const { wasmUrl } = await call({ kind: 'locate' });
    const wasmBytes = await keepRuntimeFile(wasmUrl, onProgress);
    const runtimeCache = wasmBytes || navigator.serviceWorker?.controller ? undefined : offlineCacheNames.runtime;
    return call({ kind: 'init', wasmBytes, runtimeCache }, wasmBytes ? [wasmBytes] : []);
  })();
  runtime.catch(() => (runtime = undefined));
  return runtime;
}

/** Loads `model` on `provider` as the session named `key`, replacing any session of that name. */
export function createSession(key: string, provider: Provider, model: ArrayBuffer): Promise<SessionInfo> {
  return call({ kind: 'create', key, provider, model }); // copied, not transferred: the caller keeps its bytes for the next provider
}

/** Runs session `key` `samples` times, each timed as the mean of `runsPerSample` runs; returns the last output. */
export function runSession(key: string, inputs: PlaceholderInput[], samples = 1, runsPerSample = 1): Promise<RunResult> {
  return call({ kind: 'run', key, inputs, samples, runsPerSample });
}

/** Frees session `key` in the worker. */
export function releaseSession(key: string): Promise<null> {
  return call({ kind: 'release', key });
}
