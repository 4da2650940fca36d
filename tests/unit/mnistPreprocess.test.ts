import { describe, expect, it } from 'vitest';
import { centerOfMass, mnistSize, preprocessDigit, type RgbaImage } from '../../src/lib/mnistPreprocess';

/** A black RGBA image with white rectangles of ink. */
function image(width: number, height: number, rectangles: [number, number, number, number][]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  for (const [left, top, w, h] of rectangles)
    for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) data.set([255, 255, 255, 255], (y * width + x) * 4);
  return { width, height, data };
}

function inkBox(pixels: Float32Array) {
  let left = mnistSize, right = -1, top = mnistSize, bottom = -1;
  pixels.forEach((value, i) => {
    if (value > 0.1) {
      const x = i % mnistSize, y = Math.floor(i / mnistSize);
      left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
    }
  });
  return { width: right - left + 1, height: bottom - top + 1 };
}

describe('preprocessDigit', () => {
  it('reports an empty drawing instead of classifying it', () => {
    expect(preprocessDigit(image(280, 280, []))).toEqual({ empty: true });
  });

  it('scales the ink so its longer side is 20 pixels, keeping the aspect ratio', () => {
    const result = preprocessDigit(image(280, 280, [[130, 40, 20, 200]]));
    if (result.empty) throw new Error('expected ink');
    expect(inkBox(result.pixels)).toEqual({ width: 2, height: 20 });
  });

  it('puts the centre of mass at the centre, wherever the learner drew', () => {
    for (const left of [10, 200]) {
      const result = preprocessDigit(image(280, 280, [[left, 20, 60, 60], [left, 80, 20, 120]]));
      if (result.empty) throw new Error('expected ink');
      const center = centerOfMass(result.pixels, mnistSize);
      expect(Math.abs(center.x - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(center.y - 14)).toBeLessThanOrEqual(0.5);
    }
  });

  it('keeps values between 0 and 1, anti-aliased at the edges', () => {
    const result = preprocessDigit(image(280, 280, [[100, 50, 35, 100], [100, 150, 20, 90]]));
    if (result.empty) throw new Error('expected ink');
    const values = [...result.pixels];
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(values.some((value) => value > 0.05 && value < 0.95)).toBe(true);
  });

  it('ignores faint smudges when finding the ink', () => {
    const drawing = image(100, 100, [[40, 10, 10, 80]]);
    drawing.data.set([20, 20, 20, 255], (5 * 100 + 5) * 4);
    const result = preprocessDigit(drawing);
    if (result.empty) throw new Error('expected ink');
    expect(inkBox(result.pixels).height).toBe(20);
  });
});
