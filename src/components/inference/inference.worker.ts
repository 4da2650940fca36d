/**
 * The inference worker: owns ONNX Runtime Web (its WebGPU build, which also runs the WASM provider) and
 * one session per model and provider. It tells the page where the runtime's WebAssembly is; the page
 * fetches it once, with progress, into the course's runtime cache; the runtime then fetches it itself,
 * which the service worker answers from that cache, so the browser compiles it while it streams and can
 * keep the compiled code for the next visit (the first time, it compiles the bytes the page just downloaded).
 */
import * as ort from 'onnxruntime-web/webgpu';
// Imported here, not in the page, so the build emits the 27 MB binary once (ORT's own reference to it lives in this bundle too).
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { SessionInfo, WorkerErrorCode, WorkerReplies, WorkerRequest, WorkerResponse } from '../../lib/inferenceProtocol';
import type { TensorDescription } from '../../lib/onnxFile';

const sessions = new Map<string, ort.InferenceSession>();
// The worker's global scope, typed by what is used (the DOM and WebWorker type libraries cannot both be loaded).
const scope = self as unknown as {
  crossOriginIsolated: boolean;
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; request: WorkerRequest }>) => void): void;
};

class RequestError extends Error {
  constructor(readonly code: WorkerErrorCode, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function describe(metadata: readonly ort.InferenceSession.ValueMetadata[]): TensorDescription[] {
  return metadata.map((value) =>
    value.isTensor ? { name: value.name, type: value.type, shape: [...value.shape] } : { name: value.name, type: 'non-tensor', shape: [] },
  );
}

async function handle(request: WorkerRequest): Promise<WorkerReplies[keyof WorkerReplies]> {
  switch (request.kind) {
    case 'locate':
      return { wasmUrl: new URL(wasmUrl, import.meta.url).href };
    case 'init': {
      const url = new URL(wasmUrl, import.meta.url).href;
      ort.env.wasm.wasmPaths = { wasm: url };
      // Bytes the page has in hand (just downloaded, or stored where no service worker would answer the runtime's fetch) are not fetched again.
      const stored = request.runtimeCache ? await caches.open(request.runtimeCache).then((cache) => cache.match(url)).catch(() => undefined) : undefined;
      const bytes = request.wasmBytes ?? (await stored?.arrayBuffer());
      if (bytes) ort.env.wasm.wasmBinary = bytes;
      // Without cross-origin isolation there is no SharedArrayBuffer, so ORT can use one thread only.
      ort.env.wasm.numThreads = scope.crossOriginIsolated ? Math.min(4, Math.max(1, Math.floor(navigator.hardwareConcurrency / 2))) : 1;
      return { threads: ort.env.wasm.numThreads, crossOriginIsolated: scope.crossOriginIsolated, version: ort.env.versions.web ?? '' };
    }
    case 'create': {
      const started = performance.now();
      let session: ort.InferenceSession;
      try {
        session = await ort.InferenceSession.create(new Uint8Array(request.model), { executionProviders: [request.provider] });
      } catch (error) {
        const message = String(error);
        throw new RequestError(/initializeWebAssembly|wasm|WebAssembly/i.test(message) && !/model/i.test(message) ? 'runtime-failed' : 'model-rejected', error);
      }
      delete ort.env.wasm.wasmBinary; // the runtime has started: the 27 MB copy is not needed again
      await sessions.get(request.key)?.release();
      sessions.set(request.key, session);
      const info: SessionInfo = { createMs: performance.now() - started, inputs: describe(session.inputMetadata), outputs: describe(session.outputMetadata) };
      return info;
    }
    case 'run': {
      const session = sessions.get(request.key);
      if (!session) throw new RequestError('run-failed', `no session ${request.key}`);
      try {
        const feeds = Object.fromEntries(request.inputs.map((input) => [input.name, new ort.Tensor(input.type as 'float32', input.data as Float32Array, input.dims)]));
        const timesMs: number[] = [];
        let results: ort.InferenceSession.ReturnType = {};
        for (let sample = 0; sample < request.samples; sample++) {
          const started = performance.now();
          for (let run = 0; run < request.runsPerSample; run++) results = await session.run(feeds);
          timesMs.push((performance.now() - started) / request.runsPerSample);
        }
        const outputName = session.outputNames[0]!;
        const output = results[outputName]!;
        return { outputName, output: Float32Array.from(output.data as ArrayLike<number>), timesMs };
      } catch (error) {
        throw new RequestError('run-failed', error);
      }
    }
    case 'release': {
      await sessions.get(request.key)?.release();
      sessions.delete(request.key);
      return null;
    }
  }
}

async function respond(id: number, request: WorkerRequest): Promise<void> {
  let response: WorkerResponse;
  try {
    response = { id, ok: true, value: await handle(request) };
  } catch (error) {
    const code = error instanceof RequestError ? error.code : 'run-failed';
    response = { id, ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
}

// One request at a time, in the order sent: two runs at once on a WebGPU session never finish (a digit drawn in
// two strokes asks twice), and a run must not meet a session being replaced.
let previous: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const { id, request } = event.data;
  previous = previous.then(() => respond(id, request));
});
