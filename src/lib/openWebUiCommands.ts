/**
 * The Docker command that starts Open WebUI against the learner's endpoint, for their OS and shell. The OS
 * decides the networking (Docker Desktop forwards host.docker.internal to the host's loopback; Docker
 * Engine on Linux does not), the shell decides the syntax (line continuations, quoting). The endpoint is
 * whatever the learner typed or an endpoint reported, so it goes in only as a plain origin (see endpointAddress.ts).
 */
import { isLoopbackHost } from './bridgeSafety.ts';
import { endpointAddress, type AddressRefusal } from './endpointAddress.ts';
import type { HostSystem } from './platform.ts';
import type { Shell } from './preferences.ts';

/** On Linux: share the host's network (reaches a server bound to 127.0.0.1), or map host.docker.internal to the host gateway. */
export type LinuxNetwork = 'host' | 'host-gateway';

/** What the learner chose for their Open WebUI command: OS, shell, endpoint, Linux networking and what to keep between starts. */
export interface OpenWebUiOptions {
  system: HostSystem;
  shell: Shell;
  /** The endpoint as the learner's browser reaches it, as typed: http://127.0.0.1:5273, 127.0.0.1:5273/v1… */
  endpoint: string;
  linuxNetwork: LinuxNetwork;
  /** Keep chats and settings in a named Docker volume. */
  keepData: boolean;
  /** Read the environment on every start instead of only the first (ENABLE_PERSISTENT_CONFIG=False). */
  rereadSettings: boolean;
}

/** The command for the learner's setup, the API address it gives Open WebUI, and the address to open afterwards. */
export interface OpenWebUiSetup {
  /** What to paste into the shell: pull, then run. */
  command: string;
  /** OPENAI_API_BASE_URL as the container sees the endpoint; ends in /v1. */
  apiBaseUrl: string;
  /** Where Open WebUI opens in the learner's browser. */
  openAt: string;
  /** The endpoint's port, which Foundry Local must be pinned to for the command to keep working. */
  endpointPort: string;
}

/** The Open WebUI container image the command pulls and runs. */
export const openWebUiImage = 'ghcr.io/open-webui/open-webui:main';
const continuation: Record<Shell, string> = { powershell: '`', cmd: '^', posix: '\\' };

/** The endpoint as seen from inside the container: loopback becomes the host, the path becomes /v1. */
export function containerApiBase(endpoint: string, system: HostSystem, linuxNetwork: LinuxNetwork): string {
  const url = new URL(endpoint);
  if (isLoopbackHost(url.hostname)) url.hostname = system === 'linux' && linuxNetwork === 'host' ? '127.0.0.1' : 'host.docker.internal';
  return `${url.origin}/v1`;
}

/** The pull-then-run command for the learner's OS and shell; with host networking Open WebUI answers on port 8080, else on 3000. Refused when the endpoint is no plain address. */
export function openWebUiSetup(options: OpenWebUiOptions): OpenWebUiSetup | AddressRefusal {
  const endpoint = endpointAddress(options.endpoint);
  if ('problem' in endpoint) return endpoint;
  const apiBaseUrl = containerApiBase(endpoint.origin, options.system, options.linuxNetwork);
  // A plain origin (checked above) holds nothing a shell expands, even inside double quotes; cmd needs none.
  const quote = (value: string) => (options.shell === 'cmd' ? value : `"${value}"`);
  const hostNetwork = options.system === 'linux' && options.linuxNetwork === 'host';
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
  return {
    command: `docker pull ${openWebUiImage}\n\n${run}`,
    apiBaseUrl,
    openAt: hostNetwork ? 'http://localhost:8080' : 'http://localhost:3000',
    endpointPort: endpoint.port,
  };
}
