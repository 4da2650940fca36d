import { describe, expect, it } from 'vitest';
import { allowedLanHosts, checkTarget, isAllowedTarget, isBridgePath, isLoopbackAddress, isModelServerRequest, isOwnHost, isOwnOrigin, keyMayTravel, refuseBridgeRequest, routedPath } from '../../src/lib/bridgeSafety';
import { discoverEndpoints, type DiscoveryIo } from '../../src/lib/endpointDiscovery';
import { parseFoundryStatus } from '../../src/lib/foundryCli';

describe('parseFoundryStatus', () => {
  it('reads the 0.10+ table and the 0.8 one-liner', () => {
    const table = 'Foundry Local server status\n\n  Status     Running\n  Web URLs   http://127.0.0.1:61234\n';
    expect(parseFoundryStatus(table, 2)).toEqual({ generation: 2, baseUrl: 'http://127.0.0.1:61234' });
    const line = '🟢 Model management service is running on http://127.0.0.1:5273/openai/status';
    expect(parseFoundryStatus(line, 1)).toEqual({ generation: 1, baseUrl: 'http://127.0.0.1:5273' });
  });

  it('finds nothing when the service is down', () => {
    expect(parseFoundryStatus('🔴 Model management service is not running!', 1).baseUrl).toBeUndefined();
  });
});

describe('bridge safety', () => {
  it('accepts only its own loopback name and port as Host (no DNS rebinding)', () => {
    expect(isOwnHost('localhost:4321', 4321)).toBe(true);
    expect(isOwnHost('127.0.0.1:4321', 4321)).toBe(true);
    expect(isOwnHost('[::1]:4321', 4321)).toBe(true);
    expect(isOwnHost('evil.example:4321', 4321)).toBe(false);
    expect(isOwnHost('localhost:9999', 4321)).toBe(false);
    expect(isOwnHost(null, 4321)).toBe(false);
  });

  it('accepts requests without Origin or from its own origin only', () => {
    expect(isOwnOrigin(null, 'localhost:4321')).toBe(true);
    expect(isOwnOrigin('http://localhost:4321', 'localhost:4321')).toBe(true);
    expect(isOwnOrigin('https://attacker.example', 'localhost:4321')).toBe(false);
    expect(isOwnOrigin('null', 'localhost:4321')).toBe(false);
  });

  it('forwards to loopback only, unless the operator allowed a LAN host', () => {
    expect(isAllowedTarget('http://127.0.0.1:5273')).toBe(true);
    expect(isAllowedTarget('http://localhost:11434')).toBe(true);
    expect(isAllowedTarget('http://192.168.1.20:5273')).toBe(false);
    expect(isAllowedTarget('http://192.168.1.20:5273', allowedLanHosts('192.168.1.20:5273'))).toBe(true);
    expect(isAllowedTarget('http://127.0.0.1.evil.example:80')).toBe(false);
    expect(isAllowedTarget('http://user:pass@127.0.0.1:5273')).toBe(false);
    expect(isAllowedTarget('file:///etc/passwd')).toBe(false);
    expect(isAllowedTarget('not a url')).toBe(false);
  });
});

describe('who may use the bridge', () => {
  const fromHere = { remoteAddress: '127.0.0.1', localPort: 4321 };
  const refusal = (headers: Record<string, string>, socket = fromHere) => refuseBridgeRequest({ headers, ...socket })?.status;

  it('answers its own pages and tools on this computer', () => {
    expect(refusal({ host: 'localhost:4321' })).toBeUndefined();
    expect(refusal({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321', 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(refusal({ host: 'localhost:4321' }, { remoteAddress: '::ffff:127.0.0.1', localPort: 4321 })).toBeUndefined();
    expect(refusal({ host: '[::1]:4321' }, { remoteAddress: '::1', localPort: 4321 })).toBeUndefined();
  });

  it('refuses another site’s page even when it sends no Origin (an <img> or a no-cors fetch)', () => {
    expect(refusal({ host: 'localhost:4321', 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(refusal({ host: 'localhost:4321', 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(refusal({ host: 'localhost:4321', origin: 'https://attacker.example' })).toBe(403);
  });

  it('refuses any client that is not this computer, whatever Host it names', () => {
    expect(refusal({ host: 'localhost:4321' }, { remoteAddress: '192.168.1.30', localPort: 4321 })).toBe(403);
    expect(refusal({ host: 'localhost:4321' }, { remoteAddress: undefined as unknown as string, localPort: 4321 })).toBe(403);
    expect(isLoopbackAddress('127.1.2.3')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });

  it('checks Host against the port the request arrived on, wherever the server ended up listening', () => {
    expect(refusal({ host: 'localhost:4330' }, { remoteAddress: '127.0.0.1', localPort: 4330 })).toBeUndefined();
    expect(refusal({ host: 'localhost:4321' }, { remoteAddress: '127.0.0.1', localPort: 4330 })).toBe(421);
    expect(refusal({ host: 'evil.example:4321' })).toBe(421);
  });

  it('refuses a body declared over the cap', () => {
    expect(refusal({ host: 'localhost:4321', 'content-length': String(2 * 1024 * 1024) })).toBe(413);
  });
});

describe('COURSE_BRIDGE_ALLOW', () => {
  it('normalises case and default ports, and requires a port', () => {
    const allowance = allowedLanHosts('Teacher.LAN:5273, http://192.168.1.20:80, https://models.lan:443, 192.168.1.21, not a host:x');
    expect(allowance.entries.map(({ host, port }) => `${host}:${port}`)).toEqual(['teacher.lan:5273', '192.168.1.20:80', 'models.lan:443']);
    expect(allowance.problems).toHaveLength(2);
    expect(isAllowedTarget('http://teacher.lan:5273', allowance)).toBe(true);
    expect(isAllowedTarget('http://TEACHER.lan:5273/v1', allowance)).toBe(true);
    expect(isAllowedTarget('http://teacher.lan:5274', allowance)).toBe(false);
    expect(isAllowedTarget('http://192.168.1.20', allowance)).toBe(true);
    expect(isAllowedTarget('http://192.168.1.21:5273', allowance)).toBe(false);
    expect(isAllowedTarget('https://models.lan', allowance)).toBe(true);
    expect(isAllowedTarget('http://models.lan:443', allowance)).toBe(false);
  });

  it('lets a key travel over plain http to a LAN host only when the entry says http:// explicitly', () => {
    const allowance = allowedLanHosts('teacher.lan:5273,http://192.168.1.20:5273');
    const verdict = (target: string) => {
      const checked = checkTarget(target, allowance);
      return checked.allowed && keyMayTravel(new URL(target), checked.lan);
    };
    expect(verdict('http://teacher.lan:5273')).toBe(false);
    expect(verdict('http://192.168.1.20:5273')).toBe(true);
    expect(verdict('http://127.0.0.1:5273')).toBe(true);
  });
});

describe('what the bridge forwards', () => {
  it('forwards the model-server calls the course makes, with their methods', () => {
    expect(isModelServerRequest('POST', '/v1/chat/completions')).toBe(true);
    expect(isModelServerRequest('GET', '/v1/models')).toBe(true);
    expect(isModelServerRequest('POST', '/v1/embeddings')).toBe(true);
    expect(isModelServerRequest('GET', '/openai/loadedmodels')).toBe(true);
    expect(isModelServerRequest('GET', '/foundry/list')).toBe(true);
    expect(isModelServerRequest('GET', '/models/load/phi-4-mini')).toBe(true);
  });

  it('refuses other paths and methods: another service on a loopback port is not a model server', () => {
    expect(isModelServerRequest('POST', '/containers/json')).toBe(false);
    expect(isModelServerRequest('GET', '/v1/chat/completions')).toBe(false);
    expect(isModelServerRequest('DELETE', '/v1/models/x')).toBe(false);
    expect(isModelServerRequest('POST', '/shutdown')).toBe(false);
    expect(isModelServerRequest('GET', '/api/kernels')).toBe(false);
    expect(isModelServerRequest('GET', new URL('http://127.0.0.1:2375/v1/models/../../containers/json').pathname)).toBe(false);
  });
});

describe('discoverEndpoints', () => {
  const gen2 = 'http://127.0.0.1:61234';
  const responses: Record<string, unknown> = {
    [`${gen2}/status`]: { modelCachePath: '/cache', endpoints: [gen2], pid: 1 },
    [`${gen2}/v1/models`]: { object: 'list', data: [{ id: 'Phi-4-mini-instruct-generic-cpu:5' }, { id: 'qwen2.5-0.5b-instruct-generic-cpu:4' }] },
    [`${gen2}/models/loaded`]: ['qwen2.5-0.5b-instruct-generic-cpu:4'],
    'http://127.0.0.1:5273/openai/status': { endpoints: ['http://127.0.0.1:5273'], modelDirPath: 'C:\\models', pipeName: null },
    'http://127.0.0.1:5273/openai/models': ['Phi-4-mini-instruct-generic-cpu:5'],
    'http://127.0.0.1:5273/openai/loadedmodels': [],
    'http://127.0.0.1:5273/foundry/list': [{ name: 'Phi-4-mini-instruct-generic-cpu:5', alias: 'phi-4-mini' }],
    'http://127.0.0.1:5273/v1/models': { data: [], object: 'list', IsDelta: false, Successful: true, HttpStatusCode: 0 },
    'http://127.0.0.1:11434/v1/models': { object: 'list', data: [{ id: 'llama3.2:1b' }] },
  };
  const io: DiscoveryIo = {
    runFoundry: async (args) => {
      if (args[0] === 'server') return `  Web URLs   ${gen2}\n`;
      throw new Error('Unknown command: service status');
    },
    getJson: async (url) => responses[url],
  };

  it('finds Foundry through its CLI and other servers on their usual ports, with kind, generation and models', async () => {
    const report = await discoverEndpoints(io);
    expect(report.cli).toEqual([
      { generation: 2, answered: true, baseUrl: gen2 },
      { generation: 1, answered: false },
    ]);
    expect(report.endpoints).toEqual([
      {
        baseUrl: gen2,
        kind: 'foundry',
        generation: 2,
        foundBy: 'cli',
        models: [
          { id: 'Phi-4-mini-instruct-generic-cpu:5', loaded: false },
          { id: 'qwen2.5-0.5b-instruct-generic-cpu:4', loaded: true },
        ],
      },
      { baseUrl: 'http://127.0.0.1:5273', kind: 'foundry', generation: 1, foundBy: 'port', models: [{ id: 'Phi-4-mini-instruct-generic-cpu:5', alias: 'phi-4-mini', loaded: false }] },
      { baseUrl: 'http://127.0.0.1:11434', kind: 'ollama', foundBy: 'port', models: [{ id: 'llama3.2:1b' }] },
    ]);
  });
});

describe('the path a request is routed by', () => {
  it('decodes, collapses slashes and resolves dots, so the bridge cannot be reached under a disguise', () => {
    for (const disguised of ['/%61pi/preflight', '/%2561pi/endpoints', '//api/bridge/v1/models', '/en/../api/endpoints', '/en/%2e%2e/api/x', '\\api\\endpoints', '/API/endpoints', '/api']) {
      const path = routedPath(disguised);
      expect(path && isBridgePath(path), disguised).toBe(true);
    }
    expect(routedPath('/en/classroom/?x=/api/')).toBe('/en/classroom/');
    expect(isBridgePath(routedPath('/en/apiary/')!)).toBe(false);
    expect(routedPath('/%E0%A4%A')).toBeUndefined();
    expect(routedPath('/%25252525252561pi/')).toBeUndefined();
  });
});
