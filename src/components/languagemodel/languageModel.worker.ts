/**
 * The language-model worker: transformers.js (tokenizer, chat template, KV cache, sampling) on the same
 * ONNX Runtime Web build as the digit demos. The page hands it the runtime's WebAssembly bytes, fetched and
 * cached once for both; model files come from the site or the Hub and stay in the library's Cache Storage.
 */
import { AutoModelForCausalLM, AutoTokenizer, InterruptableStoppingCriteria, TextStreamer, env } from '@huggingface/transformers';
// The same asset the digit worker imports, so the build emits the binary once and the browser caches it once.
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { isQuotaError, type FileEvent } from '../../lib/browserModels';
import type { LanguageModelErrorCode, LanguageModelMessage, LanguageModelReplies, LanguageModelRequest } from '../../lib/languageModelProtocol';

type Loaded = {
  tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  model: Awaited<ReturnType<typeof AutoModelForCausalLM.from_pretrained>>;
};

const scope = self as unknown as {
  crossOriginIsolated: boolean;
  postMessage(message: LanguageModelMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; request: LanguageModelRequest }>) => void): void;
};

let loaded: Loaded | undefined;
let stopping: InterruptableStoppingCriteria | undefined;
/** The generation running now, and those stopped while still waiting in the queue. */
let generating: number | undefined;
const stoppedBeforeStart = new Set<number>();

class RequestError extends Error {
  constructor(
    readonly code: LanguageModelErrorCode,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function loadFailure(error: unknown): RequestError {
  if (isQuotaError(error)) return new RequestError('storage-full', error);
  const message = String(error);
  return new RequestError(/fetch|network|\bHTTP\b|\b[45]0\d\b|Could not locate file/i.test(message) ? 'download-failed' : 'load-failed', error);
}

async function handle(id: number, request: LanguageModelRequest): Promise<LanguageModelReplies[keyof LanguageModelReplies]> {
  switch (request.kind) {
    case 'locate':
      return { wasmUrl: new URL(wasmUrl, import.meta.url).href };
    case 'load': {
      const { location, provider } = request;
      const onnx = env.backends.onnx;
      const wasm = onnx.wasm!;
      // The library points ORT at a CDN by default: this site's copy instead, which the page has put in the
      // course's runtime cache and the service worker answers from there (see inference.worker.ts).
      wasm.wasmPaths = { wasm: new URL(wasmUrl, import.meta.url).href };
      wasm.numThreads = scope.crossOriginIsolated ? Math.min(4, Math.max(1, Math.floor(navigator.hardwareConcurrency / 2))) : 1;
      env.useWasmCache = false;
      env.useBrowserCache = true;
      env.allowLocalModels = location.source === 'course';
      env.allowRemoteModels = location.source === 'hub';
      env.localModelPath = location.localModelPath;
      env.remoteHost = location.hubHost;
      await unload();
      const started = performance.now();
      const progress_callback = (event: FileEvent) =>
        scope.postMessage({ ...event, id, kind: 'progress' });
      try {
        const tokenizer = await AutoTokenizer.from_pretrained(location.repo, { progress_callback });
        const model = await AutoModelForCausalLM.from_pretrained(location.repo, { device: provider, dtype: location.dtype, progress_callback });
        loaded = { tokenizer, model };
      } catch (error) {
        throw loadFailure(error);
      }
      return {
        provider,
        loadMs: performance.now() - started,
        config: { ...(loaded.model.config as unknown as Record<string, unknown>) },
        runtimeVersion: onnx.versions?.web ?? '',
        threads: wasm.numThreads ?? 1,
      };
    }
    case 'generate': {
      if (stoppedBeforeStart.delete(id)) return { promptTokens: 0, completionTokens: 0, finishReason: 'stop', interrupted: true };
      if (!loaded) throw new RequestError('not-loaded', 'no model is loaded');
      const { tokenizer, model } = loaded;
      let completionTokens = 0;
      try {
        const inputs = tokenizer.apply_chat_template(request.messages, { add_generation_prompt: true, return_dict: true }) as { input_ids: { dims: number[] } };
        stopping = new InterruptableStoppingCriteria();
        generating = id;
        const streamer = new TextStreamer(tokenizer, {
          skip_prompt: true,
          skip_special_tokens: true,
          callback_function: (text: string) => text && scope.postMessage({ id, kind: 'token', text }),
          token_callback_function: () => completionTokens++,
        });
        await model.generate({
          ...inputs,
          max_new_tokens: request.maxNewTokens,
          do_sample: request.temperature > 0,
          temperature: request.temperature > 0 ? request.temperature : 1,
          top_p: request.topP,
          streamer,
          stopping_criteria: stopping,
        } as Parameters<typeof model.generate>[0]);
        const interrupted = stopping.interrupted;
        return {
          promptTokens: inputs.input_ids.dims[1] ?? 0,
          completionTokens,
          finishReason: completionTokens >= request.maxNewTokens ? 'length' : 'stop',
          interrupted,
        };
      } catch (error) {
        throw new RequestError('generate-failed', error);
      } finally {
        stopping = undefined;
        generating = undefined;
      }
    }
    case 'stop':
      if (request.generation === undefined || request.generation === generating) stopping?.interrupt();
      else stoppedBeforeStart.add(request.generation);
      return null;
    case 'unload':
      await unload();
      return null;
  }
}

async function unload() {
  const previous = loaded;
  loaded = undefined;
  await previous?.model.dispose();
}

// Loads and generations run one at a time (one GPU device, one KV cache); a stop is answered at once.
let queue: Promise<unknown> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const { id, request } = event.data;
  const work = () =>
    handle(id, request).then(
      (value) => scope.postMessage({ id, kind: 'reply', ok: true, value }),
      (error: unknown) => {
        const failure = error instanceof RequestError ? error : new RequestError('generate-failed', error);
        scope.postMessage({ id, kind: 'reply', ok: false, code: failure.code, message: failure.message });
      },
    );
  if (request.kind === 'stop') void work();
  else queue = queue.then(work);
});
