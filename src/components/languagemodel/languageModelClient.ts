/**
 * The page's side of the language-model worker: starts it on demand, hands it the ONNX Runtime WebAssembly
 * the digit demos use (one download, one cache), and turns its messages into promises, progress and text.
 */
import type { Generated, LanguageModelErrorCode, LanguageModelMessage, LanguageModelReplies, LanguageModelRequest, LoadedModel, ModelLocation } from '../../lib/languageModelProtocol';
import type { FileEvent } from '../../lib/browserModels';
import type { Provider } from '../../lib/inferenceProtocol';
import { keepRuntimeFile, type DownloadProgress } from '../inference/inferenceRuntime';

/** A failure the page can explain, by what went wrong. */
export class LanguageModelError extends Error {
  constructor(
    readonly code: LanguageModelErrorCode,
    message: string,
  ) {
    super(message);
  }
}


type Waiting = { resolve: (value: unknown) => void; reject: (error: LanguageModelError) => void; onProgress?: (event: FileEvent) => void; onText?: (text: string) => void };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

function started(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./languageModel.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<LanguageModelMessage>) => {
    const message = event.data;
    const entry = waiting.get(message.id);
    if (!entry) return;
    if (message.kind === 'progress') entry.onProgress?.(message);
    else if (message.kind === 'token') entry.onText?.(message.text);
    else {
      waiting.delete(message.id);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new LanguageModelError(message.code, message.message));
    }
  });
  // A worker that fails to start or dies answers nothing more: fail what waits, and start afresh next time.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    for (const entry of waiting.values()) entry.reject(new LanguageModelError('load-failed', event.message || 'the model worker stopped'));
    waiting.clear();
    worker?.terminate();
    worker = undefined;
  });
  return worker;
}

function call<K extends LanguageModelRequest['kind']>(
  request: Extract<LanguageModelRequest, { kind: K }>,
  handlers: Omit<Waiting, 'resolve' | 'reject'> = {},
  transfer: Transferable[] = [],
  id = nextId++,
): Promise<LanguageModelReplies[K]> {
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, ...handlers });
    started().postMessage({ id, request }, transfer);
  });
}

/** Loads a model in the worker on `provider`, after the runtime's WebAssembly (from the course's cache when there). */
export async function loadLanguageModel(
  location: ModelLocation,
  provider: Provider,
  onRuntime: (progress: DownloadProgress) => void,
  onFile: (event: FileEvent) => void,
): Promise<LoadedModel> {
  const { wasmUrl } = await call({ kind: 'locate' });
  await keepRuntimeFile(wasmUrl, onRuntime).catch((error: unknown) => {
    throw new LanguageModelError('download-failed', String(error instanceof Error ? error.message : error));
  });
  return call({ kind: 'load', location, provider }, { onProgress: onFile });
}

/** Generates an answer to `messages`, calling `onText` with each new piece; aborting `signal` stops it. */
export function generateText(
  request: Pick<Extract<LanguageModelRequest, { kind: 'generate' }>, 'messages' | 'maxNewTokens' | 'temperature' | 'topP'>,
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<Generated> {
  const id = nextId++;
  const stop = () => void call({ kind: 'stop', generation: id });
  signal.addEventListener('abort', stop, { once: true });
  return call({ kind: 'generate', ...request }, { onText }, [], id).finally(() => signal.removeEventListener('abort', stop));
}

/** Stops any answer being written, then frees the loaded model's memory (its files stay in the cache). */
export async function unloadLanguageModel(): Promise<null> {
  if (!worker) return null;
  await call({ kind: 'stop' });
  return call({ kind: 'unload' });
}
