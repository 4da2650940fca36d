/**
 * The language models a learner can run in this browser tab: the course's own toy, served by the site, and
 * a few real small chat models from the Hugging Face Hub. What each costs (download, memory) and whether
 * the browser has room for it, decided before anything is downloaded.
 */
import type { Provider } from './inferenceProtocol';

/** The weight formats the catalog uses: full precision, or 4-bit weights with fp16 or fp32 activations. */
export type ModelDtype = 'fp32' | 'q4' | 'q4f16';

/** A model the page offers. `repo` is its id on the Hub, or its folder under the site's `/models/`. */
export interface BrowserModel {
  repo: string;
  source: 'course' | 'hub';
  /** The model's name for the endpoint API (what a chat request's `model` says). */
  id: string;
  parameters: number;
  /** Weights on WebGPU and on WebAssembly (q4f16 needs a GPU with fp16, so the CPU gets q4). */
  dtype: Record<Provider, ModelDtype>;
  /** What the download weighs, per provider: exact for the course's model, about for the Hub's. */
  downloadBytes: Record<Provider, number>;
  /** The i18n key of the line that says what the model is good for. */
  goodFor: 'browserModel.goodFor.tiny' | 'browserModel.goodFor.smol135' | 'browserModel.goodFor.smol360' | 'browserModel.goodFor.qwen';
}

/** The course's toy model as the catalog lists it, from its model card and the files the site serves. */
export function courseModel(card: { id: string; parameters: number }, bytes: number): BrowserModel {
  return {
    repo: card.id,
    source: 'course',
    id: card.id,
    parameters: card.parameters,
    dtype: { webgpu: 'fp32', wasm: 'fp32' },
    downloadBytes: { webgpu: bytes, wasm: bytes },
    goodFor: 'browserModel.goodFor.tiny',
  };
}

const megabytes = 1024 * 1024; // as formatBytes shows sizes

/** Real small chat models in ONNX on the Hub, smallest first; sizes are the Hub's q4 files, rounded up. */
export const hubModels: readonly BrowserModel[] = [
  {
    repo: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    source: 'hub',
    id: 'SmolLM2-135M-Instruct',
    parameters: 135e6,
    dtype: { webgpu: 'q4f16', wasm: 'q4' },
    downloadBytes: { webgpu: 120 * megabytes, wasm: 180 * megabytes },
    goodFor: 'browserModel.goodFor.smol135',
  },
  {
    repo: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    source: 'hub',
    id: 'SmolLM2-360M-Instruct',
    parameters: 362e6,
    dtype: { webgpu: 'q4f16', wasm: 'q4' },
    downloadBytes: { webgpu: 270 * megabytes, wasm: 390 * megabytes },
    goodFor: 'browserModel.goodFor.smol360',
  },
  {
    repo: 'onnx-community/Qwen2.5-0.5B-Instruct',
    source: 'hub',
    id: 'Qwen2.5-0.5B-Instruct',
    parameters: 494e6,
    dtype: { webgpu: 'q4f16', wasm: 'q4' },
    downloadBytes: { webgpu: 480 * megabytes, wasm: 790 * megabytes },
    goodFor: 'browserModel.goodFor.qwen',
  },
];

/** Room to leave besides the download itself (a tenth): the cache's own bookkeeping and what other pages keep. */
const spareTenths = 1;

/** Whether a download fits: it does, it does not (with what is free and what is needed), or the browser won't say. */
export type SpaceCheck = { fits: true; free: number } | { fits: false; free: number; needed: number } | { fits: 'unknown' };

/** Checks `neededBytes` against what `navigator.storage.estimate()` reported, keeping a tenth spare. */
export function checkSpace(estimate: { usage?: number | undefined; quota?: number | undefined } | undefined, neededBytes: number): SpaceCheck {
  if (!estimate || typeof estimate.quota !== 'number' || !Number.isFinite(estimate.quota)) return { fits: 'unknown' };
  const free = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  const needed = Math.ceil((neededBytes * (10 + spareTenths)) / 10);
  return needed <= free ? { fits: true, free } : { fits: false, free, needed };
}

/** Whether an error is the browser refusing to store more (a full quota), whatever the engine calls it. */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  return name === 'QuotaExceededError' || /quota/i.test(String(error));
}

/** Whether a cached file's address belongs to `model`: the Hub's `<host><repo>/resolve/…`, or the site's `/models/<repo>/…`. */
export function isFileOf(model: Pick<BrowserModel, 'repo'>, url: string): boolean {
  const path = (() => {
    try {
      return new URL(url, 'http://cache.invalid').pathname;
    } catch {
      return '';
    }
  })();
  return path.startsWith(`/${model.repo}/resolve/`) || path.includes(`/models/${model.repo}/`);
}

/** The weights file transformers.js fetches for a dtype, in the Hub's layout. */
export function weightsFile(dtype: ModelDtype): string {
  return dtype === 'fp32' ? 'onnx/model.onnx' : `onnx/model_${dtype}.onnx`;
}

/** Whether the stored files (their addresses) hold `model`'s weights for `provider`, so loading it needs no download. */
export function isStoredFor(model: BrowserModel, provider: Provider, storedUrls: readonly string[]): boolean {
  const weights = weightsFile(model.dtype[provider]);
  return storedUrls.some((url) => isFileOf(model, url) && new URL(url, 'http://cache.invalid').pathname.endsWith(`/${weights}`));
}

/** One file's download as transformers.js reports it. */
export interface FileProgress {
  loaded: number;
  total: number;
}

/** Every file's progress and the sum of them, for one bar per file and one in total. */
export interface DownloadTally {
  files: Record<string, FileProgress>;
  loaded: number;
  total: number;
}

/** One progress event from transformers.js: `initiate`, `progress` and `done` name a file. */
export interface FileEvent {
  status: string;
  file?: string | undefined;
  loaded?: number | undefined;
  total?: number | undefined;
}

/** An empty tally, before the first file starts. */
export const noDownloads: DownloadTally = { files: {}, loaded: 0, total: 0 };

/** The tally after one progress event from the library (`initiate`, `progress` and `done` carry a file). */
export function tallyProgress(tally: DownloadTally, event: FileEvent): DownloadTally {
  if (!event.file || !['initiate', 'download', 'progress', 'done'].includes(event.status)) return tally;
  const before = tally.files[event.file] ?? { loaded: 0, total: 0 };
  const total = Math.max(before.total, event.total ?? 0);
  const loaded = event.status === 'done' ? Math.max(total, before.loaded) : Math.max(before.loaded, event.loaded ?? 0);
  const files = { ...tally.files, [event.file]: { loaded, total: Math.max(total, loaded) } };
  const sum = (pick: (file: FileProgress) => number) => Object.values(files).reduce((acc, file) => acc + pick(file), 0);
  return { files, loaded: sum((file) => file.loaded), total: sum((file) => file.total) };
}

/** The shape of a decoder that decides how much memory its KV cache takes. */
export interface DecoderShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

/** Bytes the KV cache holds after `tokens` tokens: a key and a value per layer, head and position. */
export function kvCacheBytes(shape: DecoderShape, tokens: number, bytesPerValue: number): number {
  return 2 * shape.layers * shape.kvHeads * shape.headDim * tokens * bytesPerValue;
}

/** Reads a decoder's shape from its `config.json`, whichever names the architecture uses; undefined when it can't. */
export function decoderShape(config: Record<string, unknown>): DecoderShape | undefined {
  const number = (...keys: string[]) => keys.map((key) => config[key]).find((value): value is number => typeof value === 'number');
  const layers = number('num_hidden_layers', 'n_layer');
  const heads = number('num_attention_heads', 'n_head');
  const kvHeads = number('num_key_value_heads') ?? heads;
  const hidden = number('hidden_size', 'n_embd');
  const headDim = number('head_dim') ?? (hidden && heads ? hidden / heads : undefined);
  return layers && kvHeads && headDim ? { layers, kvHeads, headDim } : undefined;
}
