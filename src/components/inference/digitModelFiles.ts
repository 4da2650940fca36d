/**
 * The digit model's bytes and sample digits, downloaded once per page (and cached by the browser), and the
 * start every digit demo shares: the runtime first, then the model.
 */
import { digitModelUrl, digitSamplesUrl, type DigitSample } from '../../lib/digitModel';
import type { RuntimeInfo } from '../../lib/inferenceProtocol';
import { download, keptResponse, startRuntime, type DownloadProgress } from './inferenceRuntime';

let model: Promise<ArrayBuffer> | undefined;
let samples: Promise<DigitSample[]> | undefined;

/** The digit model's ONNX bytes, downloaded once per page; a failed download can be retried. */
function loadDigitModel(onProgress: (progress: DownloadProgress) => void): Promise<ArrayBuffer> {
  model ??= download(digitModelUrl, 'model', onProgress);
  model.catch(() => (model = undefined));
  return model;
}

/** The held-out sample digits, fetched once per page; a failed fetch can be retried. */
export function loadDigitSamples(): Promise<DigitSample[]> {
  samples ??= keptResponse(digitSamplesUrl).then((response) => response.json() as Promise<DigitSample[]>);
  samples.catch(() => (samples = undefined));
  return samples;
}

/** Starts the runtime, then downloads the digit model: one download at a time, so one progress bar tells both. */
export async function startRuntimeWithDigitModel(onProgress: (progress: DownloadProgress) => void): Promise<{ runtime: RuntimeInfo; model: ArrayBuffer }> {
  const runtime = await startRuntime(onProgress);
  const model = await loadDigitModel(onProgress);
  void loadDigitSamples().catch(() => undefined); // kept now, so the samples work offline later; a failure is retried on use
  return { runtime, model };
}
