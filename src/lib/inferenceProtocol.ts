/**
 * The messages between the page and the inference worker. ONNX Runtime runs in the worker so a slow model
 * never blocks the page; every request carries an id and gets exactly one reply.
 */
import type { PlaceholderInput, TensorDescription } from './onnxFile';

export type Provider = 'webgpu' | 'wasm';

export interface RuntimeInfo {
  threads: number;
  crossOriginIsolated: boolean;
  version: string;
}

export interface SessionInfo {
  createMs: number;
  inputs: TensorDescription[];
  outputs: TensorDescription[];
}

export interface RunResult {
  outputName: string;
  output: Float32Array;
  /** One time per sample, in milliseconds; a sample averages `runsPerSample` runs. */
  timesMs: number[];
}

export type WorkerRequest =
  | { kind: 'locate' }
  | { kind: 'init'; wasmBinary: ArrayBuffer }
  | { kind: 'create'; key: string; provider: Provider; model: ArrayBuffer }
  | { kind: 'run'; key: string; inputs: PlaceholderInput[]; samples: number; runsPerSample: number }
  | { kind: 'release'; key: string };

export interface WorkerReplies {
  locate: { wasmUrl: string };
  init: RuntimeInfo;
  create: SessionInfo;
  run: RunResult;
  release: null;
}

/** Why a request failed, so the page can say what to do next. */
export type WorkerErrorCode = 'runtime-failed' | 'model-rejected' | 'run-failed';

export type WorkerResponse =
  | { id: number; ok: true; value: WorkerReplies[keyof WorkerReplies] }
  | { id: number; ok: false; code: WorkerErrorCode; message: string };
