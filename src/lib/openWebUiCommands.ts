/**
 * The Docker command that starts Open WebUI against the learner's endpoint, for their OS and shell. The OS
 * decides the networking (Docker Desktop forwards host.docker.internal to the host's loopback; Docker
 * Engine on Linux does not), the shell decides the syntax (line continuations, quoting).
 */
import { isLoopbackHost } from './bridgeSafety.ts';
import type { Shell } from './preferences.ts';

export const hostSystems = ['windows', 'macos', 'linux'] as const;
export type HostSystem = (typeof hostSystems)[number];

/** On Linux: share the host's network (reaches a server bound to 127.0.0.1), or map host.docker.internal to the host gateway. */
export type LinuxNetwork = 'host' | 'host-gateway';

export interface OpenWebUiOptions {
  system: HostSystem;
  shell: Shell;
  /** The endpoint as the learner's browser reaches it, e.g. http://127.0.0.1:5273. */
  endpoint: string;
  linuxNetwork: LinuxNetwork;
  /** Keep chats and settings in a named Docker volume. */
  keepData: boolean;
  /** Read the environment on every start instead of only the first (ENABLE_PERSISTENT_CONFIG=False). */
  rereadSettings: boolean;
}

export interface OpenWebUiSetup {
  /** What to paste into the shell: pull, then run. */
  command: string;
  /** OPENAI_API_BASE_URL as the container sees the endpoint; ends in /v1. */
  apiBaseUrl: string;
  /** Where Open WebUI opens in the learner's browser. */
  openAt: string;
}

export const openWebUiImage = 'ghcr.io/open-webui/open-webui:main';
const continuation: Record<Shell, string> = { powershell: '`', cmd: '^', posix: '\\' };

export function isHostSystem(value: unknown): value is HostSystem {
  return typeof value === 'string' && (hostSystems as readonly string[]).includes(value);
}

/** The learner's OS from navigator.platform (or userAgentData.platform). */
export function hostSystemOf(platform: string): HostSystem {
  if (/^win/i.test(platform)) return 'windows';
  if (/^mac/i.test(platform)) return 'macos';
  return 'linux';
}

/** The endpoint as seen from inside the container: loopback becomes the host, the path becomes /v1. */
export function containerApiBase(endpoint: string, system: HostSystem, linuxNetwork: LinuxNetwork): string {
  const url = new URL(endpoint);
  if (isLoopbackHost(url.hostname)) url.hostname = system === 'linux' && linuxNetwork === 'host' ? '127.0.0.1' : 'host.docker.internal';
  return `${url.origin}/v1`;
}

export function openWebUiSetup(options: OpenWebUiOptions): OpenWebUiSetup {
  const apiBaseUrl = containerApiBase(options.endpoint, options.system, options.linuxNetwork);
  const hostNetwork = options.system === 'linux' && options.linuxNetwork === 'host';
  const quote = (value: string) => (options.shell === 'cmd' ? value : `"${value}"`);
  const runArguments = [
    'docker run -d --name open-webui',
    hostNetwork ? '--network=host' : '-p 3000:8080',
    ...(options.system === 'linux' && !hostNetwork ? ['--add-host=host.docker.internal:host-gateway'] : []),
    ...(options.keepData ? ['-v open-webui:/app/backend/data'] : []),
    `-e OPENAI_API_BASE_URL=${quote(apiBaseUrl)}`,
    '-e OPENAI_API_KEY=local-key',
    '-e ENABLE_OLLAMA_API=False',
    ...(options.rereadSettings ? ['-e ENABLE_PERSISTENT_CONFIG=False'] : []),
    openWebUiImage,
  ];
  const run = runArguments.map((part, index) => (index === 0 ? part : `  ${part}`)).join(` ${continuation[options.shell]}\n`);
  return { command: `docker pull ${openWebUiImage}\n\n${run}`, apiBaseUrl, openAt: hostNetwork ? 'http://localhost:8080' : 'http://localhost:3000' };
}
