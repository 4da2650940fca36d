import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { emulatorPorts } from '../support/emulators';

const current = `http://127.0.0.1:${emulatorPorts.current}`;
const legacy = `http://127.0.0.1:${emulatorPorts.legacy}`;

/** A raw HTTP request, so Host and Origin are exactly what a hostile page or rebinding DNS would send. */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: 4322, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

test('discovery finds Foundry Local through its CLI and an older one on the usual port, with their models', async ({ request }) => {
  const report = await (await request.get('/api/endpoints')).json();
  expect(report.cli).toEqual([
    { generation: 2, answered: true, baseUrl: current },
    { generation: 1, answered: false },
  ]);
  const [viaCli, viaPort] = report.endpoints;
  expect(viaCli).toMatchObject({ baseUrl: current, kind: 'foundry', generation: 2, foundBy: 'cli' });
  expect(viaCli.models).toContainEqual({ id: 'Phi-4-mini-instruct-generic-cpu:5', loaded: true });
  expect(viaCli.models).toContainEqual({ id: 'mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2', loaded: false });
  expect(viaPort).toMatchObject({ baseUrl: legacy, kind: 'foundry', generation: 1, foundBy: 'port' });
  expect(viaPort.models).toContainEqual({ id: 'Phi-4-mini-instruct-generic-cpu:5', alias: 'phi-4-mini', loaded: true });
});

test('the bridge refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site)', async () => {
  expect(await rawGet('/api/endpoints', { Host: 'localhost:4322' })).toBe(200);
  expect(await rawGet('/api/endpoints', { Host: 'attacker.example:4322' })).toBe(421);
  expect(await rawGet('/api/endpoints', { Host: 'localhost:4322', Origin: 'https://attacker.example' })).toBe(403);
});

test('the bridge forwards only to loopback addresses', async ({ request }) => {
  const refused = await request.get('/api/bridge/v1/models', { headers: { 'X-Course-Endpoint': 'http://192.168.1.20:5273' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain('COURSE_BRIDGE_ALLOW');
  const allowed = await request.get('/api/bridge/v1/models', { headers: { 'X-Course-Endpoint': current } });
  expect((await allowed.json()).data.length).toBeGreaterThan(0);
});

test('a stream passes through the bridge as it is produced, not buffered', async ({ baseURL }) => {
  const started = performance.now();
  const response = await fetch(`${baseURL}/api/bridge/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Course-Endpoint': current },
    body: JSON.stringify({ model: 'deepseek-r1-distill-qwen-7b-generic-cpu:3', stream: true, messages: [{ role: 'user', content: 'Hello' }] }),
  });
  const reader = response.body!.getReader();
  await reader.read();
  const firstChunkMs = performance.now() - started;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  const totalMs = performance.now() - started;
  expect(text).toContain('[DONE]');
  // The slow 7B model takes seconds to finish; its first token comes after about 0.35 s.
  expect(totalMs).toBeGreaterThan(2000);
  expect(firstChunkMs).toBeLessThan(totalMs / 2);
});

test('the bridge refuses an oversized request body, even one sent without a length', async ({ baseURL }) => {
  const big = new Uint8Array(2 * 1024 * 1024).fill(32);
  const response = await fetch(`${baseURL}/api/bridge/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Course-Endpoint': current },
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    }),
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM type lacks it.
    duplex: 'half',
  });
  expect(response.status).toBe(413);
});

test('stopping an answer mid-stream stops the model behind the bridge too', async ({ baseURL }) => {
  const prompt = `Tell me everything. (${test.info().testId})`;
  const stillStreaming = async () => ((await (await fetch(`${current}/emulator/streams`)).json()).prompts as string[]).includes(prompt);
  const stop = new AbortController();
  const response = await fetch(`${baseURL}/api/bridge/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Course-Endpoint': current },
    body: JSON.stringify({ model: 'deepseek-r1-distill-qwen-7b-generic-cpu:3', stream: true, messages: [{ role: 'user', content: prompt }] }),
    signal: stop.signal,
  });
  await response.body!.getReader().read();
  expect(await stillStreaming()).toBe(true);
  stop.abort();
  // The slow 7B model would stream for seconds more if the bridge kept its request open.
  await expect.poll(stillStreaming, { timeout: 1500 }).toBe(false);
});
