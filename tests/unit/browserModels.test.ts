import { describe, expect, it } from 'vitest';
import card from '../../src/data/tiny-model-card.json';
import { checkSpace, courseModel, decoderShape, hubModels, isFileOf, isQuotaError, isStoredFor, kvCacheBytes, noDownloads, tallyProgress, weightsFile } from '../../src/lib/browserModels';

describe('the browser model list', () => {
  it('offers the course model first, then Hub models smallest first, each with its size and what it is for', () => {
    const list = [courseModel(card, 4_200_000), ...hubModels];
    expect(list[0]).toMatchObject({ source: 'course', repo: 'course-tiny-chat', parameters: card.parameters, downloadBytes: { webgpu: 4_200_000, wasm: 4_200_000 } });
    const parameters = list.map((model) => model.parameters);
    expect([...parameters].sort((a, b) => a - b)).toEqual(parameters);
    for (const model of hubModels) {
      expect(model.repo).toMatch(/^[\w-]+\/[\w.-]+$/);
      expect(model.downloadBytes.webgpu).toBeGreaterThan(50 * 2 ** 20);
      expect(model.goodFor).toMatch(/^browserModel\.goodFor\./);
    }
    expect(new Set(list.map((model) => model.id)).size).toBe(list.length);
  });
});

describe('checkSpace', () => {
  it('fits when the download and a tenth spare are free', () => {
    expect(checkSpace({ usage: 0, quota: 1000 }, 900)).toEqual({ fits: true, free: 1000 });
  });
  it('does not fit when usage leaves too little, and says what is free and needed', () => {
    expect(checkSpace({ usage: 600, quota: 1000 }, 380)).toEqual({ fits: false, free: 400, needed: 418 });
  });
  it('is unknown when the browser gives no quota', () => {
    expect(checkSpace(undefined, 10)).toEqual({ fits: 'unknown' });
    expect(checkSpace({ usage: 5 }, 10)).toEqual({ fits: 'unknown' });
  });
});

describe('isQuotaError', () => {
  it('recognises the browser refusing to store more', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('Quota exceeded while writing'))).toBe(true);
    expect(isQuotaError(new Error('network error'))).toBe(false);
  });
});

describe('isFileOf', () => {
  const smol = hubModels[0]!;
  it("matches the Hub's resolve URLs of the model and the site's folder of the course model", () => {
    expect(isFileOf(smol, `https://huggingface.co/${smol.repo}/resolve/main/onnx/model_q4f16.onnx`)).toBe(true);
    expect(isFileOf(smol, `http://127.0.0.1:4590/${smol.repo}/resolve/main/config.json`)).toBe(true);
    expect(isFileOf({ repo: 'course-tiny-chat' }, 'http://localhost:4321/models/course-tiny-chat/onnx/model.onnx')).toBe(true);
  });
  it("does not match another model whose name starts the same", () => {
    expect(isFileOf(smol, `https://huggingface.co/${smol.repo}-extra/resolve/main/config.json`)).toBe(false);
    expect(isFileOf({ repo: 'course-tiny-chat' }, 'http://localhost:4321/models/digit-classifier.onnx')).toBe(false);
  });
});

describe('tallyProgress', () => {
  it('keeps a bar per file and sums them', () => {
    let tally = tallyProgress(noDownloads, { status: 'initiate', file: 'config.json' });
    tally = tallyProgress(tally, { status: 'progress', file: 'onnx/model.onnx', loaded: 50, total: 200 });
    tally = tallyProgress(tally, { status: 'progress', file: 'config.json', loaded: 10, total: 10 });
    expect(tally).toMatchObject({ loaded: 60, total: 210, files: { 'onnx/model.onnx': { loaded: 50, total: 200 } } });
    tally = tallyProgress(tally, { status: 'done', file: 'onnx/model.onnx' });
    expect(tally).toMatchObject({ loaded: 210, total: 210 });
  });
  it('never goes backwards and ignores events without a file', () => {
    let tally = tallyProgress(noDownloads, { status: 'progress', file: 'a', loaded: 80, total: 100 });
    tally = tallyProgress(tally, { status: 'progress', file: 'a', loaded: 20, total: 100 });
    expect(tally.loaded).toBe(80);
    expect(tallyProgress(tally, { status: 'ready' })).toBe(tally);
  });
});

describe('memory', () => {
  it("reads a Llama config's shape and sizes its KV cache", () => {
    const shape = decoderShape({ num_hidden_layers: 4, num_attention_heads: 4, num_key_value_heads: 2, hidden_size: 128 });
    expect(shape).toEqual({ layers: 4, kvHeads: 2, headDim: 32 });
    expect(kvCacheBytes(shape!, 10, 4)).toBe(2 * 4 * 2 * 32 * 10 * 4);
  });
  it("reads GPT-2's names, and gives up on a config without a shape", () => {
    expect(decoderShape({ n_layer: 2, n_head: 2, n_embd: 64 })).toEqual({ layers: 2, kvHeads: 2, headDim: 32 });
    expect(decoderShape({ model_type: 'bert' })).toBeUndefined();
  });
});

describe('isStoredFor', () => {
  const smol = hubModels[0]!;
  const base = `https://huggingface.co/${smol.repo}/resolve/main`;
  it("is true only when the provider's weights file is stored", () => {
    const urls = [`${base}/config.json`, `${base}/tokenizer.json`, `${base}/onnx/model_q4f16.onnx`];
    expect(isStoredFor(smol, 'webgpu', urls)).toBe(true);
    expect(isStoredFor(smol, 'wasm', urls)).toBe(false);
    expect(isStoredFor(smol, 'webgpu', urls.slice(0, 2))).toBe(false);
  });
  it("names the Hub's weights files by dtype", () => {
    expect([weightsFile('fp32'), weightsFile('q4'), weightsFile('q4f16')]).toEqual(['onnx/model.onnx', 'onnx/model_q4.onnx', 'onnx/model_q4f16.onnx']);
  });
});
