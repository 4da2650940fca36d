import { describe, expect, it } from 'vitest';
import { containerApiBase, openWebUiSetup, type OpenWebUiOptions } from '../../src/lib/openWebUiCommands';
import { hostSystemOf } from '../../src/lib/platform';

const base: OpenWebUiOptions = { system: 'windows', shell: 'powershell', endpoint: 'http://127.0.0.1:5273', linuxNetwork: 'host', keepData: false, rereadSettings: false };

describe('openWebUiSetup', () => {
  it('continues lines with a backtick in PowerShell, a caret in cmd and a backslash in bash', () => {
    const lines = (options: Partial<OpenWebUiOptions>) => openWebUiSetup({ ...base, ...options }).command.split('\n').slice(2);
    for (const [shell, mark] of [['powershell', ' `'], ['cmd', ' ^'], ['posix', ' \\']] as const) {
      const run = lines({ shell });
      expect(run.slice(0, -1).every((line) => line.endsWith(mark)), shell).toBe(true);
      expect(run.at(-1)).toBe('  ghcr.io/open-webui/open-webui:main');
    }
  });

  it('reaches the host through host.docker.internal on Windows and macOS, publishing port 3000', () => {
    const setup = openWebUiSetup({ ...base, system: 'macos', shell: 'posix' });
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
    const setup = openWebUiSetup({ ...base, system: 'linux', shell: 'posix' });
    expect(setup.command).toContain('--network=host');
    expect(setup.command).not.toContain('-p 3000:8080');
    expect(setup.apiBaseUrl).toBe('http://127.0.0.1:5273/v1');
    expect(setup.openAt).toBe('http://localhost:8080');
  });

  it('maps host.docker.internal to the host gateway on Linux when asked', () => {
    const setup = openWebUiSetup({ ...base, system: 'linux', shell: 'posix', linuxNetwork: 'host-gateway' });
    expect(setup.command).toContain('--add-host=host.docker.internal:host-gateway');
    expect(setup.apiBaseUrl).toBe('http://host.docker.internal:5273/v1');
  });

  it('adds a data volume and the switch that rereads settings on each start, and leaves cmd values unquoted', () => {
    const setup = openWebUiSetup({ ...base, shell: 'cmd', keepData: true, rereadSettings: true });
    expect(setup.command).toContain('-v open-webui:/app/backend/data ^');
    expect(setup.command).toContain('-e ENABLE_PERSISTENT_CONFIG=False ^');
    expect(setup.command).toContain('-e OPENAI_API_BASE_URL=http://host.docker.internal:5273/v1 ^');
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
