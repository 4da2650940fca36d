import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeJson } from '../../src/lib/probeJson';

/** A server on loopback standing in for whatever listens on a probed port; it counts who reaches /elsewhere. */
let server: Server;
let base = '';
let reachedElsewhere = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/v1/models') return response.end(JSON.stringify({ data: [{ id: 'phi' }] }));
    if (request.url === '/redirect') {
      response.writeHead(302, { Location: '/elsewhere' });
      return response.end();
    }
    if (request.url === '/elsewhere') {
      reachedElsewhere++;
      return response.end('{"data":[]}');
    }
    if (request.url === '/huge') return response.end(`{"data":"${'x'.repeat(64 * 1024)}"}`);
    if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 2000);
    response.writeHead(404).end();
    return undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('probeJson', () => {
  const limits = { timeoutMs: 500, maxBytes: 16 * 1024 };

  it('reads a model server’s JSON', async () => {
    expect(await probeJson(`${base}/v1/models`, limits)).toEqual({ data: [{ id: 'phi' }] });
  });

  it('never follows a redirect', async () => {
    expect(await probeJson(`${base}/redirect`, limits)).toBeUndefined();
    expect(reachedElsewhere).toBe(0);
  });

  it('stops reading past the cap, and gives up after the timeout', async () => {
    expect(await probeJson(`${base}/huge`, limits)).toBeUndefined();
    expect(await probeJson(`${base}/slow`, limits)).toBeUndefined();
    expect(await probeJson(`${base}/missing`, limits)).toBeUndefined();
  });
});
