import { describe, expect, it } from 'vitest';
import { allowedLanHosts, isAllowedTarget, isOwnHost, isOwnOrigin } from '../../src/lib/bridgeSafety';
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
