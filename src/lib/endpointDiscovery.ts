/**
 * Finds the learner's local model servers, as the bridge sees them from their machine: asks Foundry Local's
 * CLI (both generations) and probes the usual ports of Foundry (as pinned by this course), Ollama, LM Studio,
 * llama.cpp and vLLM; then reads each endpoint's kind, generation and models. The command runner and the
 * HTTP reader are passed in, so the logic is tested without processes or sockets.
 */
import { foundryStatusCommands, parseFoundryStatus, type FoundryGeneration } from './foundryCli';

/** Which server an endpoint is; `openai-compatible` when it answers like OpenAI but is none the course recognises. */
export type EndpointKind = 'foundry' | 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm' | 'openai-compatible';

/** A model an endpoint offers, by the id its HTTP API expects, with Foundry's alias when it has one. */
export interface EndpointModel {
  id: string;
  alias?: string | undefined;
  /** Foundry only: ready to answer now. */
  loaded?: boolean | undefined;
}

/** A model server that answered: its base URL, what it is, whether the CLI or a port probe found it, and its models. */
export interface DiscoveredEndpoint {
  baseUrl: string;
  kind: EndpointKind;
  generation?: FoundryGeneration | undefined;
  foundBy: 'cli' | 'port';
  models: EndpointModel[];
}

/** What one generation's `foundry … status` command said. */
export interface CliReport {
  generation: FoundryGeneration;
  /** The command exists and answered; `baseUrl` is set when the service runs. */
  answered: boolean;
  baseUrl?: string | undefined;
  /** It answered in no shape the course can read: what it printed, trimmed and cut to `cliOutputLimit` characters, as text. */
  unexpectedOutput?: string | undefined;
}

/** How much of a CLI's unexpected output the report carries: enough to recognise it, not a whole log. */
export const cliOutputLimit = 300;

/** Output as a learner can read it in a page: colour codes and other control characters out, trimmed and cut. */
function outputExcerpt(output: string): string {
  const characters = [...output.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[^\P{Cc}\n\t]/gu, '').trim()];
  return characters.length > cliOutputLimit ? `${characters.slice(0, cliOutputLimit).join('')}…` : characters.join('');
}

/** Everything discovery learnt: each CLI generation's answer, and every endpoint that responded. */
export interface DiscoveryReport {
  cli: CliReport[];
  endpoints: DiscoveredEndpoint[];
}

/** The outside world discovery needs, passed in so tests can stand in for the CLI and the network. */
export interface DiscoveryIo {
  /** Runs `foundry <args>`; resolves with stdout, rejects when the command is missing, fails or times out. */
  runFoundry(args: string[]): Promise<string>;
  /** GETs a URL and parses JSON; resolves undefined on any failure (nothing listening, not JSON, timeout). */
  getJson(url: string): Promise<unknown>;
}

/** The usual ports, with the server each one usually belongs to (a hint; probing decides). */
export const usualPorts: { port: number; kind: EndpointKind }[] = [
  { port: 5273, kind: 'foundry' },
  { port: 5272, kind: 'foundry' },
  { port: 11434, kind: 'ollama' },
  { port: 1234, kind: 'lmstudio' },
  { port: 8080, kind: 'llamacpp' },
  { port: 8000, kind: 'vllm' },
];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function modelIds(listing: unknown): string[] {
  if (!isObject(listing) || !Array.isArray(listing['data'])) return [];
  return listing['data'].flatMap((item) => (isObject(item) && typeof item['id'] === 'string' ? [item['id']] : []));
}

async function describeEndpoint(baseUrl: string, hint: EndpointKind, foundBy: DiscoveredEndpoint['foundBy'], io: DiscoveryIo): Promise<DiscoveredEndpoint | undefined> {
  const [gen2Status, gen1Status, listing] = await Promise.all([io.getJson(`${baseUrl}/status`), io.getJson(`${baseUrl}/openai/status`), io.getJson(`${baseUrl}/v1/models`)]);
  if (isObject(gen2Status) && 'modelCachePath' in gen2Status) {
    const loaded = new Set(stringList(await io.getJson(`${baseUrl}/models/loaded`)));
    return { baseUrl, kind: 'foundry', generation: 2, foundBy, models: modelIds(listing).map((id) => ({ id, loaded: loaded.has(id) })) };
  }
  if (isObject(gen1Status) && 'modelDirPath' in gen1Status) {
    const [cached, loaded, catalog] = await Promise.all([io.getJson(`${baseUrl}/openai/models`), io.getJson(`${baseUrl}/openai/loadedmodels`), io.getJson(`${baseUrl}/foundry/list`)]);
    const loadedIds = new Set(stringList(loaded));
    const aliases = new Map(
      (Array.isArray(catalog) ? catalog : []).flatMap((entry) => (isObject(entry) && typeof entry['name'] === 'string' ? [[entry['name'], String(entry['alias'] ?? '')] as const] : [])),
    );
    return { baseUrl, kind: 'foundry', generation: 1, foundBy, models: stringList(cached).map((id) => ({ id, alias: aliases.get(id) || undefined, loaded: loadedIds.has(id) })) };
  }
  if (listing === undefined) return undefined;
  return { baseUrl, kind: hint === 'foundry' ? 'openai-compatible' : hint, foundBy, models: modelIds(listing).map((id) => ({ id })) };
}

/** Asks both Foundry CLIs, then probes what they named plus the usual ports at once; only endpoints that answer are reported. */
export async function discoverEndpoints(io: DiscoveryIo): Promise<DiscoveryReport> {
  const cli = await Promise.all(
    foundryStatusCommands.map(async ({ generation, args }): Promise<CliReport> => {
      let output: string;
      try {
        output = await io.runFoundry(args);
      } catch {
        return { generation, answered: false };
      }
      const status = parseFoundryStatus(output, generation);
      return status.understood === false ? { generation, answered: true, unexpectedOutput: outputExcerpt(output) } : { generation, answered: true, baseUrl: status.baseUrl };
    }),
  );
  const candidates = new Map<string, { hint: EndpointKind; foundBy: DiscoveredEndpoint['foundBy'] }>();
  for (const report of cli) if (report.baseUrl) candidates.set(report.baseUrl, { hint: 'foundry', foundBy: 'cli' });
  for (const { port, kind } of usualPorts) {
    const baseUrl = `http://127.0.0.1:${port}`;
    if (!candidates.has(baseUrl)) candidates.set(baseUrl, { hint: kind, foundBy: 'port' });
  }
  const described = await Promise.all([...candidates].map(([baseUrl, { hint, foundBy }]) => describeEndpoint(baseUrl, hint, foundBy, io)));
  return { cli, endpoints: described.filter((endpoint): endpoint is DiscoveredEndpoint => endpoint !== undefined) };
}
