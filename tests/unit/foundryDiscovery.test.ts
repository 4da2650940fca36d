import { describe, expect, it } from 'vitest';
import { cliOutputLimit, discoverEndpoints, type DiscoveryIo } from '../../src/lib/endpointDiscovery';
import { parseFoundryStatus } from '../../src/lib/foundryCli';

describe('parseFoundryStatus on output it does not expect', () => {
  it('never throws on an address the URL parser rejects, and says it did not understand', () => {
    expect(parseFoundryStatus('  Web URLs   http://[not-an-ip]:5273\n', 2)).toEqual({ generation: 2, baseUrl: undefined, understood: false });
    expect(parseFoundryStatus('🟢 Model management service is running on http://127.0.0.1:99999/openai/status', 1)).toEqual({ generation: 1, baseUrl: undefined, understood: false });
  });

  it('does not take an address a command could not hold', () => {
    expect(parseFoundryStatus('  Web URLs   http://a$(id)b:5273\n', 2).understood).toBe(false);
    expect(parseFoundryStatus('  Web URLs   http://user:pw@127.0.0.1:5273\n', 2).understood).toBe(false);
  });

  it('tells a wording it does not know from a service that is not running', () => {
    expect(parseFoundryStatus('Foundry Local 2.0 — status: all good', 2)).toEqual({ generation: 2, baseUrl: undefined, understood: false });
    expect(parseFoundryStatus('', 1).understood).toBe(false);
    expect(parseFoundryStatus('Foundry Local server is not running.', 2)).toEqual({ generation: 2, baseUrl: undefined });
  });
});

describe('discoverEndpoints when a CLI answers in an unexpected shape', () => {
  const nothingListens: DiscoveryIo['getJson'] = async () => undefined;

  it('reports the CLI as answering, with what it printed, apart from one that is not there', async () => {
    const io: DiscoveryIo = {
      runFoundry: async (args) => {
        if (args[0] === 'server') return '\u001b[32m  Web URLs   http://[::zz]:5273\u001b[0m\r\n';
        throw new Error('Unknown command: service status');
      },
      getJson: nothingListens,
    };
    const report = await discoverEndpoints(io);
    expect(report.cli).toEqual([
      { generation: 2, answered: true, unexpectedOutput: 'Web URLs   http://[::zz]:5273' },
      { generation: 1, answered: false },
    ]);
    expect(report.endpoints).toEqual([]);
  });

  it('keeps the printed text short, whole characters only, and as text', async () => {
    const long = `<b>${'🟢'.repeat(1000)}</b>`;
    const report = await discoverEndpoints({ runFoundry: async () => long, getJson: nothingListens });
    const output = report.cli[0]?.unexpectedOutput ?? '';
    expect([...output]).toHaveLength(cliOutputLimit + 1);
    expect(output.startsWith('<b>🟢')).toBe(true);
    expect(output.endsWith('🟢…')).toBe(true);
  });

  it('still probes the usual ports when no CLI can be read', async () => {
    const io: DiscoveryIo = {
      runFoundry: async () => 'Usage: foundry [command]',
      getJson: async (url) => (url === 'http://127.0.0.1:11434/v1/models' ? { object: 'list', data: [{ id: 'llama3.2:1b' }] } : undefined),
    };
    const report = await discoverEndpoints(io);
    expect(report.cli.map((cli) => cli.unexpectedOutput)).toEqual(['Usage: foundry [command]', 'Usage: foundry [command]']);
    expect(report.endpoints).toEqual([{ baseUrl: 'http://127.0.0.1:11434', kind: 'ollama', foundBy: 'port', models: [{ id: 'llama3.2:1b' }] }]);
  });
});
