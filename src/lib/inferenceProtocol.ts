/**
 * The messages between the page and the inference worker. ONNX Runtime runs in the worker so a slow model
 * never blocks the page; every request carries an id and gets exactly one reply.
 */
import type { PlaceholderInput, TensorDescription } from './onnxFile';

/** The ONNX Runtime execution provider a session runs on: the GPU through WebGPU, or the CPU through WebAssembly. */
export type Provider = 'webgpu' | 'wasm';

/** How the runtime started: its thread count (1 without cross-origin isolation), whether the page is isolated, its version. */
export interface RuntimeInfo {
  threads: number;
  crossOriginIsolated: boolean;
  version: string;
}

/** A model loaded into a session: how long loading took, in milliseconds, and its input and output tensors. */
export interface SessionInfo {
  createMs: number;
  inputs: TensorDescription[];
  outputs: TensorDescription[];
}

/** The timed runs of a session: the first output's name and values (from the last run) and the time of each sample. */
export interface RunResult {
  outputName: string;
  output: Float32Array;
  /** One time per sample, in milliseconds; a sample averages `runsPerSample` runs. */
  timesMs: number[];
}

/** What the page asks the worker: where the runtime's WebAssembly is, to start with those bytes, and to load, run or free a session. */
export type WorkerRequest =
  | { kind: 'locate' }
  /** The WebAssembly's bytes when the page has just downloaded them, or else the cache to read them from when no service worker answers the runtime's own fetch. */
  | { kind: 'init'; wasmBytes?: ArrayBuffer | undefined; runtimeCache?: string | undefined }
  | { kind: 'create'; key: string; provider: Provider; model: ArrayBuffer }
  | { kind: 'run'; key: string; inputs: PlaceholderInput[]; samples: number; runsPerSample: number }
  | { kind: 'release'; key: string };

/** The value the worker answers each kind of request with. */
export interface WorkerReplies {
  locate: { wasmUrl: string };
  init: RuntimeInfo;
  create: SessionInfo;
  run: RunResult;
  release: null;
}

/** Why a request failed, so the page can say what to do next. */
export type WorkerErrorCode = 'runtime-failed' | 'model-rejected' | 'run-failed';

/** The worker's one reply to the request with the same id: the value, or why it failed. */
export type WorkerResponse =
  | { id: number; ok: true; value: WorkerReplies[keyof WorkerReplies] }
  | { id: number; ok: false; code: WorkerErrorCode; message: string };
