/**
 * Turns a drawing into the input an MNIST model expects, the way the MNIST digits were made: crop to the
 * ink's bounding box, scale (anti-aliased, aspect kept) so the longer side is 20 px, place in a 28×28 black
 * field with the intensity-weighted centre of mass at the centre, values 0..1 (white ink on black).
 * See LeCun et al., "The MNIST database", http://yann.lecun.com/exdb/mnist/.
 */

/** The side of an MNIST image, in pixels. */
export const mnistSize = 28;
const fitSize = 20;
/** Ink fainter than this (0..1) does not count when finding the bounding box. */
const inkThreshold = 0.1;

/** RGBA pixels, as in `ImageData`. Ink is read from the red channel: white ink on a black background. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** The model's input for a drawing (28×28 values 0..1, row by row), or `empty` when nothing was drawn. */
export type Preprocessed = { empty: true } | { empty: false; pixels: Float32Array };

interface GrayImage {
  width: number;
  height: number;
  values: Float32Array;
}

function toGray({ width, height, data }: RgbaImage): GrayImage {
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) values[i] = data[i * 4]! / 255;
  return { width, height, values };
}

function inkBounds({ width, height, values }: GrayImage) {
  let left = width, top = height, right = -1, bottom = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (values[y * width + x]! > inkThreshold) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  return right < 0 ? undefined : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** Area-averaging resample of a region: every source pixel contributes in proportion to its overlap. */
function resampleRegion(image: GrayImage, region: { left: number; top: number; width: number; height: number }, width: number, height: number): GrayImage {
  const values = new Float32Array(width * height);
  const stepX = region.width / width;
  const stepY = region.height / height;
  for (let ty = 0; ty < height; ty++) {
    const y0 = region.top + ty * stepY;
    const y1 = y0 + stepY;
    for (let tx = 0; tx < width; tx++) {
      const x0 = region.left + tx * stepX;
      const x1 = x0 + stepX;
      let sum = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const coverY = Math.min(y1, sy + 1) - Math.max(y0, sy);
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const coverX = Math.min(x1, sx + 1) - Math.max(x0, sx);
          sum += image.values[sy * image.width + sx]! * coverX * coverY;
        }
      }
      values[ty * width + tx] = sum / (stepX * stepY);
    }
  }
  return { width, height, values };
}

/** The intensity-weighted centre of an image, in pixel coordinates (a pixel's centre is at +0.5). */
export function centerOfMass(values: ArrayLike<number>, width: number): { x: number; y: number } {
  let total = 0, sumX = 0, sumY = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    total += value;
    sumX += value * ((i % width) + 0.5);
    sumY += value * (Math.floor(i / width) + 0.5);
  }
  return total === 0 ? { x: width / 2, y: values.length / width / 2 } : { x: sumX / total, y: sumY / total };
}

/** Turns a drawing (white ink on black) into the model's input the way MNIST's digits were made; `empty` when there is no ink. */
export function preprocessDigit(image: RgbaImage): Preprocessed {
  const gray = toGray(image);
  const bounds = inkBounds(gray);
  if (!bounds) return { empty: true };
  const scale = fitSize / Math.max(bounds.width, bounds.height);
  const fitted = resampleRegion(gray, bounds, Math.max(1, Math.round(bounds.width * scale)), Math.max(1, Math.round(bounds.height * scale)));
  const center = centerOfMass(fitted.values, fitted.width);
  const offsetX = Math.round(mnistSize / 2 - center.x);
  const offsetY = Math.round(mnistSize / 2 - center.y);
  const pixels = new Float32Array(mnistSize * mnistSize);
  for (let y = 0; y < fitted.height; y++)
    for (let x = 0; x < fitted.width; x++) {
      const tx = x + offsetX;
      const ty = y + offsetY;
      if (tx >= 0 && tx < mnistSize && ty >= 0 && ty < mnistSize)
        pixels[ty * mnistSize + tx] = Math.min(1, Math.max(0, fitted.values[y * fitted.width + x]!));
    }
  return { empty: false, pixels };
}
