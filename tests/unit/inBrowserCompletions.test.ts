import { describe, expect, it } from 'vitest';
import { completionChunk, defaultMaxNewTokens, modelsListing, parseChatRequest, sseDone, sseFrame, usageChunk } from '../../src/lib/inBrowserCompletions';
import { takeSseEvents } from '../../src/lib/sseFrames';
import { chunkCompletionTokens, chunkText } from '../../src/lib/chatStream';

describe('parseChatRequest', () => {
  it('reads what the openai SDK sends for a streamed chat', () => {
    const request = parseChatRequest({ model: 'm', messages: [{ role: 'system', content: 's' }, { role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true, stream_options: { include_usage: true }, max_tokens: 50, temperature: 0 });
    expect(request).toEqual({ model: 'm', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'hi' }], maxNewTokens: 50, temperature: 0, topP: 0.9, stream: true, includeUsage: true });
  });
  it('bounds what a page may ask of a tab', () => {
    const request = parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 1e9, temperature: 9 });
    expect(request).toMatchObject({ maxNewTokens: 1024, temperature: 2, stream: false });
    expect(parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).toMatchObject({ maxNewTokens: defaultMaxNewTokens });
  });
  it('refuses a body a server would refuse', () => {
    expect(parseChatRequest(null)).toHaveProperty('error');
    expect(parseChatRequest({ messages: [] })).toHaveProperty('error');
    expect(parseChatRequest({ model: 'm', messages: [] })).toHaveProperty('error');
    expect(parseChatRequest({ model: 'm', messages: [{ role: 'tool', content: 'x' }] })).toHaveProperty('error');
    expect(parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 5 }] })).toHaveProperty('error');
  });
});

describe('streamed chunks', () => {
  it("are read back by the course's own stream reader as a server's are", () => {
    const identity = { id: 'c1', model: 'm', created: 1 };
    const stream = [sseFrame(completionChunk(identity, { role: 'assistant' })), sseFrame(completionChunk(identity, { content: 'Hel' })), sseFrame(completionChunk(identity, { content: 'lo' })), sseFrame(completionChunk(identity, {}, 'stop')), sseFrame(usageChunk(identity, 7, 2)), sseDone].join('');
    const { events } = takeSseEvents(stream);
    const chunks = events.filter((data) => data !== '[DONE]').map((data) => JSON.parse(data));
    expect(chunks.map(chunkText).join('')).toBe('Hello');
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunkCompletionTokens(chunks.at(-1))).toBe(2);
    expect(events.at(-1)).toBe('[DONE]');
  });
  it('list the loaded model as /v1/models does', () => {
    expect(modelsListing(['course-tiny-chat'])).toEqual({ object: 'list', data: [{ id: 'course-tiny-chat', object: 'model', owned_by: 'this-browser' }] });
  });
});
