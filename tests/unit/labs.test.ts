import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containerApiBase, openWebUiImage } from '../../src/lib/openWebUiCommands';

interface ComposeFile {
  services: { 'open-webui': { image: string; ports?: string[]; network_mode?: string; environment: Record<string, string>; volumes: string[] } };
}

const service = (file: string) => (parse(readFileSync(`labs/open-webui/${file}`, 'utf8')) as ComposeFile).services['open-webui'];
/** Compose's `${NAME:?message}` and `${NAME:-default}` with the values from .env.example. */
function withEnv(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_match, name: string, kind?: string, fallback?: string) => env[name] ?? (kind === '-' ? fallback! : ''));
}
const envExample = Object.fromEntries(
  readFileSync('labs/open-webui/.env.example', 'utf8').split('\n').filter((line) => /^\w+=/.test(line)).map((line) => line.split('=') as [string, string]),
);

describe('the Open WebUI lab’s Compose files', () => {
  it('reach the endpoint the way the lesson’s command does on Docker Desktop', () => {
    const desktop = service('compose.yaml');
    expect(desktop.image).toBe(openWebUiImage);
    expect(desktop.ports).toEqual(['3000:8080']);
    expect(withEnv(desktop.environment['OPENAI_API_BASE_URL']!, envExample)).toBe(containerApiBase(`http://127.0.0.1:${envExample['FOUNDRY_PORT']}`, 'windows', 'host'));
  });

  it('share the host network on Linux, as the lesson explains', () => {
    const linux = service('compose.linux.yaml');
    expect(linux.network_mode).toBe('host');
    expect(linux.ports).toBeUndefined();
    expect(withEnv(linux.environment['OPENAI_API_BASE_URL']!, envExample)).toBe(containerApiBase(`http://127.0.0.1:${envExample['FOUNDRY_PORT']}`, 'linux', 'host'));
  });

  it('turn off the Ollama probe, keep data in a volume and let the settings be reread', () => {
    for (const file of ['compose.yaml', 'compose.linux.yaml']) {
      const { environment, volumes } = service(file);
      expect(environment['ENABLE_OLLAMA_API']).toBe('False');
      expect(withEnv(environment['OPENAI_API_KEY']!, envExample)).toBe('local-key');
      expect(withEnv(environment['ENABLE_PERSISTENT_CONFIG']!, {})).toBe('True');
      expect(withEnv(environment['ENABLE_PERSISTENT_CONFIG']!, envExample)).toBe(envExample['ENABLE_PERSISTENT_CONFIG']);
      expect(volumes).toEqual(['open-webui:/app/backend/data']);
    }
  });
});
