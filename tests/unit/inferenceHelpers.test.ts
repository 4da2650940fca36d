import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../src/lib/benchmarkStats';
import { maxAbsDifference, softmax, topGuesses } from '../../src/lib/classification';
import { asciiDigits, formatBytes, formatMs, formatPercent, shortened } from '../../src/lib/formatting';
import { digitModelInput } from '../../src/lib/digitModel';
import { formatShape, looksLikeOnnx, placeholderInput } from '../../src/lib/onnxFile';
import { isSoftwareAdapter, webGpuVerdict } from '../../src/lib/webGpuSupport';

describe('classification', () => {
  it('turns logits into probabilities and ranks the top guesses', () => {
    const probabilities = softmax([1000, 1000]);
    expect(probabilities).toEqual([0.5, 0.5]);
    expect(topGuesses([0, 3, 1], 2).map((guess) => guess.label)).toEqual([1, 2]);
  });

  it('measures how far two outputs differ', () => {
    expect(maxAbsDifference([1, 2, 3], [1, 2.5, 2.9])).toBeCloseTo(0.5);
    expect(maxAbsDifference([1], [1, 2])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('benchmark statistics', () => {
  it('gives nearest-rank median and 90th percentile', () => {
    const samples = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(samples, 0.5)).toBe(5);
    expect(summarize(samples)).toEqual({ count: 10, median: 5, p90: 9 });
    expect(summarize([]).median).toBeNaN();
  });
});

describe('webGpuVerdict', () => {
  const adapter = { vendor: 'google', architecture: 'swiftshader', description: '' };

  it('names the first check that failed', () => {
    expect(webGpuVerdict({ secureContext: false, hasApi: true, adapter })).toEqual({ available: false, failedCheck: 'insecure-context' });
    expect(webGpuVerdict({ secureContext: true, hasApi: false, adapter: null })).toEqual({ available: false, failedCheck: 'no-api' });
    expect(webGpuVerdict({ secureContext: true, hasApi: true, adapter: null })).toEqual({ available: false, failedCheck: 'no-adapter' });
  });

  it('labels software adapters as such', () => {
    expect(webGpuVerdict({ secureContext: true, hasApi: true, adapter })).toEqual({ available: true, adapter: { ...adapter, software: true } });
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere', description: '' })).toBe(false);
  });
});

describe('onnxFile', () => {
  it('recognises the start of an ONNX protobuf and rejects text', () => {
    expect(looksLikeOnnx(Uint8Array.from([0x08, 0x07, 0x12, ...new Array(20).fill(0)]))).toBe(true);
    expect(looksLikeOnnx(new TextEncoder().encode('These are my notes, not a model.'))).toBe(false);
    expect(looksLikeOnnx(new Uint8Array())).toBe(false);
  });

  it('makes deterministic input of the right size, with open sizes set to 1', () => {
    const input = placeholderInput({ name: 'x', type: 'float32', shape: ['batch', 3, -1, 4] });
    expect(input?.dims).toEqual([1, 3, 1, 4]);
    expect(input?.data).toHaveLength(12);
    expect(placeholderInput({ name: 'x', type: 'float32', shape: [2] })?.data).toEqual(placeholderInput({ name: 'y', type: 'float32', shape: [2] })?.data);
    expect(placeholderInput({ name: 's', type: 'string', shape: [1] })).toBeUndefined();
  });

  it('writes shapes as a learner reads them', () => {
    expect(formatShape([1, 1, 28, 28])).toBe('[1, 1, 28, 28]');
    expect(formatShape(['batch', -1])).toBe('[batch, ?]');
  });
});

describe('formatting', () => {
  it('formats sizes, times and percentages per locale', () => {
    expect(formatBytes(26_781_914, 'en')).toBe('25.5 MB');
    expect(formatBytes(93_662, 'en')).toBe('91.5 kB');
    expect(formatMs(0.1234, 'en')).toBe('0.123 ms');
    expect(formatMs(61.84, 'en')).toBe('61.8 ms');
    expect(formatPercent(0.9905, 'en', 2)).toBe('99.05%');
    expect(formatBytes(93_662, 'bg')).toContain('91,5');
  });

  it('shortens a long name to its limit with an ellipsis, and leaves a short one as it is', () => {
    expect(shortened('deepseek-r1-distill-qwen-7b', 10)).toBe('deepseek-…');
    expect(shortened('phi-4-mini', 10)).toBe('phi-4-mini');
    expect([...shortened('модел-за-чат-🙂🙂🙂', 14)]).toHaveLength(14);
  });
});

describe('digitModelInput', () => {
  it('names and shapes one digit as the model card says', () => {
    const pixels = new Float32Array(28 * 28);
    expect(digitModelInput(pixels)).toEqual([{ name: 'Input3', type: 'float32', dims: [1, 1, 28, 28], data: pixels }]);
  });
});

describe('asciiDigits', () => {
  it('reads Arabic-Indic and Persian digits as ASCII and leaves the rest', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 42')).toBe('0123456789 0123456789 42');
  });
});
