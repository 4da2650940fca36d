import { describe, expect, it } from 'vitest';
import { containerApiBase, openWebUiSetup, type OpenWebUiOptions, type OpenWebUiSetup } from '../../src/lib/openWebUiCommands';
import { hostSystemOf } from '../../src/lib/platform';

const base: OpenWebUiOptions = { system: 'windows', shell: 'powershell', endpoint: 'http://127.0.0.1:5273', linuxNetwork: 'host', keepData: false, rereadSettings: false };

/** The set-up for `options`, failing the test when the endpoint is refused. */
function setupFor(options: Partial<OpenWebUiOptions>): OpenWebUiSetup {
  const setup = openWebUiSetup({ ...base, ...options });
  if ('problem' in setup) throw new Error(`refused: ${setup.problem}`);
  return setup;
}

describe('openWebUiSetup', () => {
  it('continues lines with a backtick in PowerShell, a caret in cmd and a backslash in bash', () => {
    const lines = (options: Partial<OpenWebUiOptions>) => setupFor(options).command.split('\n').slice(2);
    for (const [shell, mark] of [['powershell', ' `'], ['cmd', ' ^'], ['posix', ' \\']] as const) {
      const run = lines({ shell });
      expect(run.slice(0, -1).every((line) => line.endsWith(mark)), shell).toBe(true);
      expect(run.at(-1)).toBe('  ghcr.io/open-webui/open-webui:main');
    }
  });

  it('reaches the host through host.docker.internal on Windows and macOS, publishing port 3000', () => {
    const setup = setupFor({ system: 'macos', shell: 'posix' });
    expect(setup.command).toBe(
      [
        'docker pull ghcr.io/open-webui/open-webui:main',
        '',
        'docker run -d --name open-webui \\',
        '  -p 3000:8080 \\',
        '  -e OPENAI_API_BASE_URL="http://host.docker.internal:5273/v1" \\',
        '  -e OPENAI_API_KEY=local-key \\',
        '  -e ENABLE_OLLAMA_API=False \\',
        '  ghcr.io/open-webui/open-webui:main',
      ].join('\n'),
    );
    expect(setup.openAt).toBe('http://localhost:3000');
  });

  it('shares the host network on Linux, so a server bound to 127.0.0.1 is reachable, and opens on 8080', () => {
    const setup = setupFor({ system: 'linux', shell: 'posix' });
    expect(setup.command).toContain('--network=host');
    expect(setup.command).not.toContain('-p 3000:8080');
    expect(setup.apiBaseUrl).toBe('http://127.0.0.1:5273/v1');
    expect(setup.openAt).toBe('http://localhost:8080');
  });

  it('maps host.docker.internal to the host gateway on Linux when asked', () => {
    const setup = setupFor({ system: 'linux', shell: 'posix', linuxNetwork: 'host-gateway' });
    expect(setup.command).toContain('--add-host=host.docker.internal:host-gateway');
    expect(setup.apiBaseUrl).toBe('http://host.docker.internal:5273/v1');
  });

  it('adds a data volume and the switch that rereads settings on each start, and leaves cmd values unquoted', () => {
    const setup = setupFor({ shell: 'cmd', keepData: true, rereadSettings: true });
    expect(setup.command).toContain('-v open-webui:/app/backend/data ^');
    expect(setup.command).toContain('-e ENABLE_PERSISTENT_CONFIG=False ^');
    expect(setup.command).toContain('-e OPENAI_API_BASE_URL=http://host.docker.internal:5273/v1 ^');
  });

  it('takes the endpoint as typed, without a scheme or with /v1, and names its port', () => {
    const setup = setupFor({ endpoint: '127.0.0.1:5391/v1/' });
    expect(setup.apiBaseUrl).toBe('http://host.docker.internal:5391/v1');
    expect(setup.endpointPort).toBe('5391');
    expect(setupFor({ endpoint: 'https://models.lan' }).endpointPort).toBe('443');
  });

  it('keeps an IPv6 address in double quotes, where zsh does not read brackets as a pattern', () => {
    const setting = (shell: OpenWebUiOptions['shell']) => setupFor({ shell, system: 'linux', linuxNetwork: 'host-gateway', endpoint: 'http://[fd00::20]:5273' }).command;
    expect(setting('posix')).toContain('-e OPENAI_API_BASE_URL="http://[fd00::20]:5273/v1" \\');
    expect(setting('powershell')).toContain('-e OPENAI_API_BASE_URL="http://[fd00::20]:5273/v1" `');
    expect(setting('cmd')).toContain('-e OPENAI_API_BASE_URL=http://[fd00::20]:5273/v1 ^');
  });

  it('refuses an endpoint whose host a shell would run, instead of building the command', () => {
    for (const shell of ['powershell', 'cmd', 'posix'] as const) {
      for (const endpoint of ['http://a$(id)b:5273', 'http://a`id`b:5273', 'http://a&calc&b:5273', 'http://a"b:5273', 'http://a!b:5273']) {
        expect(openWebUiSetup({ ...base, shell, endpoint }), `${shell} ${endpoint}`).toEqual({ problem: 'unsafe-host' });
      }
    }
    expect(openWebUiSetup({ ...base, endpoint: 'not an address' })).toEqual({ problem: 'not-an-address' });
    expect(openWebUiSetup({ ...base, endpoint: 'http://127.0.0.1:5273/openai' })).toEqual({ problem: 'has-path' });
  });
});

describe('containerApiBase', () => {
  it('keeps a host that is not loopback and always ends in /v1', () => {
    expect(containerApiBase('http://192.168.1.20:11434/', 'linux', 'host')).toBe('http://192.168.1.20:11434/v1');
    expect(containerApiBase('http://localhost:1234', 'windows', 'host')).toBe('http://host.docker.internal:1234/v1');
  });
});

describe('hostSystemOf', () => {
  it('reads the platform names browsers report', () => {
    expect(hostSystemOf('Win32')).toBe('windows');
    expect(hostSystemOf('MacIntel')).toBe('macos');
    expect(hostSystemOf('Linux x86_64')).toBe('linux');
  });
});
