/** The digit model's bytes and sample digits, downloaded once per page (and cached by the browser). */
import { digitModelUrl, digitSamplesUrl, type DigitSample } from '../../lib/digitModel';
import { download, type DownloadProgress } from './inferenceRuntime';

let model: Promise<ArrayBuffer> | undefined;
let samples: Promise<DigitSample[]> | undefined;

export function loadDigitModel(onProgress: (progress: DownloadProgress) => void): Promise<ArrayBuffer> {
  model ??= download(digitModelUrl, 'model', onProgress);
  model.catch(() => (model = undefined));
  return model;
}

export function loadDigitSamples(): Promise<DigitSample[]> {
  samples ??= fetch(digitSamplesUrl).then((response) => response.json() as Promise<DigitSample[]>);
  samples.catch(() => (samples = undefined));
  return samples;
}
