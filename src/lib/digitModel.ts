/**
 * The digit classifier the course trains itself (scripts/train-digit-model.py): where the site serves it
 * and its model card. The URL carries the model's hash so a retrained model is never read from a stale cache.
 */
import card from '../data/digit-model-card.json';
import type { PlaceholderInput } from './onnxFile';

/** The classifier's model card: input and output names and shapes, held-out accuracy, size and SHA-256. */
export const digitModelCard = card;
/** Where the site serves the classifier's ONNX file, versioned by its hash. */
export const digitModelUrl = `/models/digit-classifier.onnx?v=${card.sha256.slice(0, 12)}`;
/** Where the site serves the held-out sample digits (`DigitSample[]` as JSON), versioned by the model's hash. */
export const digitSamplesUrl = `/models/digit-samples.json?v=${card.sha256.slice(0, 12)}`;

/** A held-out digit shipped for "try a sample": 28×28 grey levels 0..255, white on black. */
export interface DigitSample {
  label: number;
  pixels: number[];
}

/** The model's input for one preprocessed 28×28 digit, named and shaped as its card says. */
export function digitModelInput(pixels: Float32Array): PlaceholderInput[] {
  return [{ name: card.input.name, type: 'float32', dims: card.input.shape, data: pixels }];
}
