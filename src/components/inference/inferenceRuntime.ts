/**
 * Starts ONNX Runtime Web on demand, never on page load: downloads its WebAssembly (from our own origin)
 * and models with progress, keeps them in Cache Storage for the next visit, and talks to the inference
 * worker. One runtime per page, shared by every demo on it.
 */
import type { Provider, RunResult, RuntimeInfo, SessionInfo, WorkerErrorCode, WorkerReplies, WorkerRequest, WorkerResponse } from '../../lib/inferenceProtocol';
import { readStream } from '../../lib/bytes';
import type { PlaceholderInput } from '../../lib/onnxFile';

/** How far one download has got; `total` is undefined when the server sent no length. */
export type DownloadProgress = { file: 'runtime' | 'model'; loaded: number; total: number | undefined };

/** A failure the page can explain: what went wrong decides what the learner should do next. */
export class DemoError extends Error {
  constructor(readonly code: WorkerErrorCode | 'download-failed', message: string) {
    super(message);
  }
}

const cacheName = 'edge-course-runtime-v1';

async function cachedResponse(url: string): Promise<Response> {
  const cache = 'caches' in globalThis ? await caches.open(cacheName).catch(() => undefined) : undefined;
  const hit = await cache?.match(url);
  if (hit) return hit;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DemoError('download-failed', String(error));
  }
  if (!response.ok) throw new DemoError('download-failed', `${url}: HTTP ${response.status}`);
  await cache?.put(url, response.clone()).catch(() => undefined); // a full quota only costs the next visit a download
  return response;
}

/** Fetches a file (from the cache when it is there), reporting bytes as they arrive. */
export async function download(url: string, file: DownloadProgress['file'], onProgress: (progress: DownloadProgress) => void): Promise<ArrayBuffer> {
  const response = await cachedResponse(url);
  const total = Number(response.headers.get('content-length')) || undefined;
  if (!response.body) return response.arrayBuffer();
  return readStream(response.body, { onProgress: (loaded) => onProgress({ file, loaded, total }) });
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
    const wasmBinary = await download(wasmUrl, 'runtime', onProgress);
    return call({ kind: 'init', wasmBinary }, [wasmBinary]);
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
