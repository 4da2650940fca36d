import { describe, expect, it } from 'vitest';
import { chunkCompletionTokens, chunkText, streamMetrics } from '../../src/lib/chatStream';
import { diagnose, fixCommand } from '../../src/lib/endpointDiagnosis';

describe('chunkText survives every stream shape', () => {
  it('reads a standard delta', () => {
    expect(chunkText({ choices: [{ delta: { content: 'Hi' } }] })).toBe('Hi');
  });

  it('reads nothing from the usage-only chunk with empty choices', () => {
    const usage = { choices: [], usage: { completion_tokens: 42 } };
    expect(chunkText(usage)).toBe('');
    expect(chunkCompletionTokens(usage)).toBe(42);
  });

  it('takes the delta once when gen-1 sends delta and message together', () => {
    expect(chunkText({ choices: [{ delta: { content: 'ab' }, message: { content: 'ab' } }] })).toBe('ab');
  });

  it('reads a non-stream reply whether it carries message or delta', () => {
    expect(chunkText({ choices: [{ message: { content: 'whole' } }] })).toBe('whole');
    expect(chunkText({ choices: [{ delta: { content: 'whole' } }] })).toBe('whole');
  });

  it('treats a null content (role-only chunk) as empty', () => {
    expect(chunkText({ choices: [{ delta: { content: null } }] })).toBe('');
  });
});

describe('streamMetrics', () => {
  it('measures time to first token, rate after it, and total', () => {
    expect(streamMetrics({ startedAt: 0, firstTokenAt: 200, endedAt: 1200, tokens: 21 })).toEqual({ timeToFirstTokenMs: 200, tokensPerSecond: 20, totalMs: 1200, tokens: 21 });
  });

  it('has no rate or first token when nothing came', () => {
    expect(streamMetrics({ startedAt: 0, endedAt: 50, tokens: 0 })).toEqual({ timeToFirstTokenMs: undefined, tokensPerSecond: undefined, totalMs: 50, tokens: 0 });
  });
});

describe('diagnose', () => {
  it('tells the failures apart', () => {
    expect(diagnose({ status: undefined, message: 'Failed to fetch', direct: true })).toBe('cors-blocked');
    expect(diagnose({ status: undefined, message: 'Connection error.', direct: false })).toBe('nothing-listening');
    expect(diagnose({ status: 502, message: '{"error":{"type":"bridge_unreachable"}}', direct: false })).toBe('nothing-listening');
    expect(diagnose({ status: undefined, message: 'Failed to fetch', direct: true, offline: true })).toBe('offline');
    expect(diagnose({ status: 503, message: 'busy', direct: false, offline: true })).toBe('server-error'); // an answer came: not the network
    expect(diagnose({ status: 400, message: "Model not loaded: Model 'X' must be loaded before inference", direct: false })).toBe('model-not-loaded');
    expect(diagnose({ status: 400, message: 'Model not cached', direct: false })).toBe('model-not-downloaded');
    expect(diagnose({ status: 500, message: 'No OpenAIService provider found for modelName x', direct: false })).toBe('model-not-downloaded');
    expect(diagnose({ status: 404, message: "Model 'phi-4-mini' not found", direct: false, model: 'phi-4-mini' })).toBe('alias-not-id');
    expect(diagnose({ status: 500, message: 'Internal Server Error', direct: false })).toBe('server-error');
  });
});

describe('fixCommand', () => {
  it('gives the command for the learner’s Foundry CLI generation and shell', () => {
    expect(fixCommand('model-not-loaded', { shell: 'posix', generation: 2, model: 'phi-4-mini' })).toBe('foundry run phi-4-mini');
    expect(fixCommand('model-not-loaded', { shell: 'posix', generation: 1, model: 'phi-4-mini' })).toBe('foundry model run phi-4-mini');
    expect(fixCommand('nothing-listening', { shell: 'cmd', generation: 1 })).toBe('foundry model run phi-4-mini\nfoundry service status');
    expect(fixCommand('alias-not-id', { shell: 'powershell', generation: 2, port: '5273' })).toBe('curl.exe http://127.0.0.1:5273/v1/models');
    expect(fixCommand('alias-not-id', { shell: 'posix', generation: 2, port: '5273' })).toBe('curl http://127.0.0.1:5273/v1/models');
    expect(fixCommand('server-error', { shell: 'posix', generation: 2 })).toBeUndefined();
  });
});
