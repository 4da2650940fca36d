/**
 * The bridge can't be borrowed: by another site's page, by another computer, for another service on a
 * loopback port, or to carry a key in the clear — whatever HOST says and wherever the server listens.
 */
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { emulatorPorts } from '../support/emulators';
import { builtPagePaths } from './site-pages';
import { lanAddress, startBuiltEntry, startCourse, startDevServer, startRecorder, type Started } from '../support/courseServers';

const current = `http://127.0.0.1:${emulatorPorts.current}`;

/** A raw HTTP request to `host:port`, with exactly the headers given. */
function raw(host: string, port: number, path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host, port, path, method, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function refusedConnection(host: string, port: number): Promise<boolean> {
  return raw(host, port, '/en/').then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
  );
}

test('another site’s page cannot use the bridge, even when its request carries no Origin', async () => {
  const withoutOrigin = await raw('127.0.0.1', 4322, '/api/endpoints', { headers: { Host: 'localhost:4322', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'image' } });
  expect(withoutOrigin.status).toBe(403);
  const sameSite = await raw('127.0.0.1', 4322, '/api/endpoints', { headers: { Host: 'localhost:4322', 'Sec-Fetch-Site': 'same-site' } });
  expect(sameSite.status).toBe(403);
  expect((await raw('127.0.0.1', 4322, '/api/endpoints', { headers: { Host: 'localhost:4322', 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
});

test('the bridge’s checks apply however its path is spelt', async () => {
  for (const path of ['/%61pi/endpoints', '/%2561pi/preflight', '//api/endpoints', '/en/%2e%2e/api/endpoints']) {
    const foreign = await raw('127.0.0.1', 4322, path, { headers: { Host: 'localhost:4322', Origin: 'https://evil.example' } });
    expect(foreign.status, path).toBe(403);
  }
  expect((await raw('127.0.0.1', 4322, '/%E0%A4%A', { headers: { Host: 'localhost:4322' } })).status).toBe(400);
});

test('a path that is not a model server’s never reaches the upstream', async () => {
  const upstream = await startRecorder((_request, response) => response.end('{}'));
  try {
    const endpoint = `http://127.0.0.1:${upstream.port}`;
    for (const [method, path] of [['POST', '/api/bridge/containers/json'], ['GET', '/api/bridge/v1/models/../../containers/json'], ['POST', '/api/bridge/shutdown'], ['DELETE', '/api/bridge/v1/models/x']] as const) {
      const response = await raw('127.0.0.1', 4322, path, { method, headers: { Host: 'localhost:4322', 'Content-Type': 'application/json', 'X-Course-Endpoint': endpoint } });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(upstream.requests).toEqual([]);
    const models = await raw('127.0.0.1', 4322, '/api/bridge/v1/models', { headers: { Host: 'localhost:4322', 'X-Course-Endpoint': endpoint } });
    expect(models.status).toBe(200);
    expect(upstream.requests.map((request) => request.url)).toEqual(['/v1/models']);
  } finally {
    upstream.stop();
  }
});

test('an upstream 204, 304 and a redirect pass through as they are; the redirect is not followed', async () => {
  const upstream = await startRecorder((request, response) => {
    if (request.url === '/openai/load/phi') response.writeHead(204).end();
    else if (request.url === '/foundry/list') response.writeHead(304, { ETag: '"catalog-1"' }).end();
    else if (request.url === '/v1/models') response.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' }).end();
    else response.writeHead(500).end();
  });
  try {
    const headers = { Host: 'localhost:4322', 'X-Course-Endpoint': `http://127.0.0.1:${upstream.port}` };
    expect((await raw('127.0.0.1', 4322, '/api/bridge/openai/load/phi', { headers })).status).toBe(204);
    expect((await raw('127.0.0.1', 4322, '/api/bridge/v1/models', { headers })).status).toBe(302);
    expect((await raw('127.0.0.1', 4322, '/api/bridge/foundry/list', { headers: { ...headers, 'If-None-Match': '"catalog-1"' } })).status).toBe(304);
    expect(upstream.requests.map((request) => request.url)).toEqual(['/openai/load/phi', '/v1/models', '/foundry/list']);
  } finally {
    upstream.stop();
  }
});

test.describe('started with HOST=0.0.0.0, and with --lan', () => {
  let started: Started | undefined;
  test.afterEach(() => started?.stop());

  test('HOST=0.0.0.0 still listens on loopback only', async () => {
    started = await startCourse(4340, { HOST: '0.0.0.0' });
    expect((await raw('127.0.0.1', 4340, '/en/')).status).toBe(200);
    expect(await refusedConnection(lanAddress(), 4340)).toBe(true);
  });

  test('--lan serves the lessons to the network, warns, and still refuses the bridge to another computer', async () => {
    started = await startCourse(4341, {}, ['--lan']);
    expect(started.output()).toContain('--lan');
    const lan = lanAddress();
    expect((await raw(lan, 4341, '/en/')).status).toBe(200);
    // From this machine's LAN address the client is not loopback, like any other computer on the network.
    const borrowed = await raw(lan, 4341, '/api/endpoints', { headers: { Host: 'localhost:4341' } });
    expect(borrowed.status).toBe(403);
    expect((await raw('127.0.0.1', 4341, '/api/endpoints', { headers: { Host: 'localhost:4341' } })).status).toBe(200);
  });
});

test('the built server started from its bare entry with HOST=0.0.0.0 keeps the same bridge checks', async () => {
  const started = await startBuiltEntry(4344, { HOST: '0.0.0.0' });
  try {
    const own = { Host: 'localhost:4344' };
    expect((await raw('127.0.0.1', 4344, '/api/endpoints', { headers: own })).status).toBe(200);
    // Another computer (this machine's LAN address is not loopback), a rebinding name, another site.
    expect((await raw(lanAddress(), 4344, '/api/endpoints', { headers: own })).status).toBe(403);
    expect((await raw('127.0.0.1', 4344, '/api/endpoints', { headers: { Host: 'rebound.example:4344' } })).status).toBe(421);
    expect((await raw('127.0.0.1', 4344, '/api/endpoints', { headers: { ...own, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    // The lessons themselves are plain pages.
    expect((await raw(lanAddress(), 4344, '/en/')).status).toBe(200);
  } finally {
    started.stop();
  }
});

test('COURSE_BRIDGE_ALLOW end to end: only the entries named, a key only where the entry says http://, all printed at start', async () => {
  const lan = lanAddress();
  const shared = await startRecorder((_request, response) => response.end('{"object":"list","data":[{"id":"phi"}]}'));
  const trusted = await startRecorder((_request, response) => response.end('{"object":"list","data":[{"id":"qwen"}]}'));
  const started = await startCourse(4342, { COURSE_BRIDGE_ALLOW: `${lan}:${shared.port}, http://${lan}:${trusted.port}, ${lan}` });
  try {
    expect(started.output()).toContain(`${lan}:${shared.port} on the LAN`);
    expect(started.output()).toContain('names no port');
    const get = (endpoint: string, headers: Record<string, string> = {}) =>
      raw('127.0.0.1', 4342, '/api/bridge/v1/models', { headers: { Host: 'localhost:4342', 'X-Course-Endpoint': endpoint, ...headers } });
    expect((await get(`http://${lan}:${shared.port}`)).status).toBe(200);
    const keyInTheClear = await get(`http://${lan}:${shared.port}`, { Authorization: 'Bearer secret' });
    expect(keyInTheClear.status).toBe(403);
    expect(keyInTheClear.body).toContain('unencrypted');
    expect(shared.requests.map((request) => request.authorization)).toEqual([undefined]);
    expect((await get(`http://${lan}:${trusted.port}`, { Authorization: 'Bearer secret' })).status).toBe(200);
    expect(trusted.requests.map((request) => request.authorization)).toEqual(['Bearer secret']);
    expect((await get(`http://${lan}:${emulatorPorts.current}`)).status).toBe(403);
  } finally {
    started.stop();
    shared.stop();
    trusted.stop();
  }
});

test('the dev server on a non-default port serves its bridge, and refuses it to another computer with --host', async () => {
  test.setTimeout(150_000);
  const dev = await startDevServer(4343, ['--host', '0.0.0.0']);
  try {
    const fromHere = await raw('127.0.0.1', 4343, '/api/bridge/v1/models', { headers: { Host: 'localhost:4343', 'X-Course-Endpoint': current } });
    expect(fromHere.status).toBe(200);
    expect(JSON.parse(fromHere.body).data.length).toBeGreaterThan(0);
    expect((await raw(lanAddress(), 4343, '/api/endpoints', { headers: { Host: 'localhost:4343' } })).status).toBe(403);
  } finally {
    dev.stop();
  }
});

test('lesson pages carry the Content-Security-Policy, as a header from the server and in the page for static hosting', async ({ request }) => {
  const response = await request.get('/en/module-08/04-cutting-edge-models/');
  const header = response.headers()['content-security-policy'] ?? '';
  expect(header).toContain("img-src 'self'");
  expect(header).toContain("media-src 'none'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const html = await response.text();
  const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(meta.replaceAll('&#39;', "'")).toContain("img-src 'self'");
  expect(meta).not.toContain('frame-ancestors');
  // No inline style may be admitted, so none may be needed: lesson code is coloured by classes.
  expect(header).not.toContain('unsafe-inline');
  expect(html).not.toMatch(/\sstyle="/);
  expect(html).toMatch(/class="[^"]*\bsl-[0-9a-f]{6}\b/);
});

test('every built page carries the same Content-Security-Policy <meta>, for a copy of the site on a static host', async ({ request }) => {
  const policies = new Set<string>();
  const pages = builtPagePaths();
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta, path).toBeDefined();
    expect(meta!.replaceAll('&#39;', "'"), path).toContain("media-src 'none'");
    policies.add(meta!.replace(/'sha256-[^']+'/g, ''));
  }
  expect(pages.length).toBeGreaterThan(20);
  expect(policies.size).toBe(1); // one policy, whatever each page's inline-script hashes
});
