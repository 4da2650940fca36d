/**
 * The pre-flight check for Session 4: what it checks, and the verdict on each from what the page and the
 * bridge observed — passed, failed or not checked, with the reason and, when a command fixes it, that
 * command for each shell. Pure: the page gathers the observations (src/components/preflight/preflight.ts),
 * the bridge runs the machine's commands (src/lib/preflightCommands.ts), and these functions judge them.
 *
 * Thresholds, and why:
 * - Storage: the browser keeps ONNX Runtime's WebAssembly (about 27 MB) and the digit model in Cache
 *   Storage; twice that must be free, since an updated runtime is written before the old copy goes and
 *   `navigator.storage.estimate()` is only an estimate.
 * - Python 3.10: Chainlit (Part 3) declares `requires-python >=3.10`.
 * - Node.js 22.18: package.json's `engines`, which `npm start` enforces (scripts/check-node.mjs): the first 22.x
 *   to run TypeScript files without a flag, as `npm start` and `npm run classroom` do (and `node:sqlite` is unflagged).
 * - Browser versions: the first with WebGPU on by default — Chrome and Edge 113, Firefox 141, Safari 26.
 * - WebAssembly SIMD: ONNX Runtime Web ships only SIMD builds of its WebAssembly.
 * WebGPU, the browser's version and an embedding model are optional: the demos fall back to WebAssembly,
 * and "Ask the course" to keywords. Everything else is required.
 */
import type { AdapterInfo, WebGpuVerdict } from './webGpuSupport';
import { preflightCheckIds, preflightChecks, type PreflightCheckId, type PreflightState } from './preflightCatalog';
import { isEmbeddingModel } from './embeddingRanking';
import { endpointAddress } from './endpointAddress';
import { diagnose, diagnosisTextKeys, fixCommand, type FailedRequest } from './endpointDiagnosis';
import type { CliReport, DiscoveredEndpoint } from './endpointDiscovery';
import { foundryStatusCommands } from './foundryCli';
import { formatBytes, formatMs } from './formatting';
import type { Translate, UiKey, Variables } from './i18n';
import type { HostSystem } from './platform';
import { shells, type Shell } from './preferences';
import { commandIdsOf, commandTimeoutMs, handCommands, type CommandResult, type MachineCheckId, type MachineReport } from './preflightCommands';
import type { Unquotable } from './shellQuote';


/** A command for each shell it can be written for. */
export type ShellCommands = Partial<Record<Shell, string>>;

/** The UI strings a verdict's reason may be. */
export const preflightReasonKeys = [
  'preflight.webgpu.hardware', 'preflight.webgpu.software', 'webgpu.insecureContext', 'webgpu.noApi', 'webgpu.noAdapter',
  'preflight.wasm-simd.passed', 'preflight.wasm-simd.noWasm', 'preflight.wasm-simd.noSimd',
  'preflight.storage.passed', 'preflight.storage.failed', 'preflight.storage.unknown',
  'preflight.browser.passed', 'preflight.browser.old', 'preflight.browser.unknown',
  'preflight.model-server.found', 'preflight.model-server.foundModels', 'preflight.model-server.none', 'preflight.model-server.cliStale',
  'preflight.model-server.noFoundry', 'preflight.model-server.noBridge',
  'preflight.chat.passed', 'preflight.chat.noModel', 'preflight.chat.empty', 'preflight.chat.timedOut', 'preflight.needsServer',
  'preflight.embeddings.passed', 'preflight.embeddings.none',
  ...diagnosisTextKeys,
  'preflight.python.passed', 'preflight.python.missing', 'preflight.python.old', 'preflight.python.noPip',
  'preflight.docker.passed', 'preflight.docker.missing', 'preflight.docker.daemonDown', 'preflight.docker.daemonSlow', 'preflight.docker.permission',
  'preflight.node.passed', 'preflight.node.old', 'preflight.node.missing',
  'preflight.command.timedOut', 'preflight.machine.noBridge',
] as const satisfies readonly UiKey[];
/** A key of `preflightReasonKeys`. */
export type PreflightReasonKey = (typeof preflightReasonKeys)[number];

/** Labels a reason names by key, translated when the reason is: a server's kind, how it was found. */
export const preflightLabelKeys = [
  'kind.foundry1', 'kind.foundry2', 'kind.ollama', 'kind.lmstudio', 'kind.llamacpp', 'kind.vllm', 'kind.openai-compatible',
  'endpoint.foundBy.cli', 'endpoint.foundBy.port', 'preflight.foundBy.named', 'preflight.foundBy.remembered',
] as const satisfies readonly UiKey[];
/** A key of `preflightLabelKeys`. */
export type PreflightLabelKey = (typeof preflightLabelKeys)[number];

/** Why a check came out as it did: a UI string, its values, and values that are UI strings themselves. */
export interface PreflightReason {
  key: PreflightReasonKey;
  values?: Variables;
  labels?: Record<string, PreflightLabelKey>;
}

/** One check's verdict: its state and reason, the fix when a command fixes it, or the commands to run by hand when it could not run here. */
export interface PreflightVerdict {
  id: PreflightCheckId;
  state: PreflightState;
  reason: PreflightReason;
  fix?: ShellCommands;
  byHand?: ShellCommands;
}

function verdict(id: PreflightCheckId, state: PreflightState, reason: PreflightReason, commands: { fix?: ShellCommands | undefined; byHand?: ShellCommands | undefined } = {}): PreflightVerdict {
  return { id, state, reason, ...(commands.fix ? { fix: commands.fix } : {}), ...(commands.byHand ? { byHand: commands.byHand } : {}) };
}

/** The same command in every shell. */
function everyShell(command: string): ShellCommands {
  return { powershell: command, cmd: command, posix: command };
}

/** The command `write` gives for each shell; a shell it refuses (a value it cannot quote) or has none for is left out. */
function perShell(write: (shell: Shell) => string | Unquotable | undefined): ShellCommands | undefined {
  const commands: ShellCommands = {};
  for (const shell of shells) {
    const command = write(shell);
    if (typeof command === 'string') commands[shell] = command;
  }
  return Object.keys(commands).length > 0 ? commands : undefined;
}

// --- In the browser ---

const webGpuFailureKeys = {
  'insecure-context': 'webgpu.insecureContext',
  'no-api': 'webgpu.noApi',
  'no-adapter': 'webgpu.noAdapter',
} as const satisfies Record<Extract<WebGpuVerdict, { available: false }>['failedCheck'], PreflightReasonKey>;

/** WebGPU: passed with a named adapter (hardware or software), failed with the check that failed. */
export function webGpuCheck(observed: WebGpuVerdict, nameOf: (adapter: AdapterInfo) => string): PreflightVerdict {
  if (!observed.available) return verdict('webgpu', 'failed', { key: webGpuFailureKeys[observed.failedCheck] });
  return verdict('webgpu', 'passed', { key: observed.adapter.software ? 'preflight.webgpu.software' : 'preflight.webgpu.hardware', values: { adapter: nameOf(observed.adapter) } });
}

/**
 * The smallest module that uses a SIMD instruction — `(func (result v128) i32.const 0 i8x16.splat
 * i8x16.popcnt)`, as wasm-feature-detect tests it: `WebAssembly.validate` accepts it only where SIMD runs.
 */
export const simdProbeModule: Uint8Array<ArrayBuffer> = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** WebAssembly with SIMD: what the page found, `simd` being `WebAssembly.validate(simdProbeModule)`. */
export function wasmSimdCheck(observed: { webAssembly: boolean; simd: boolean }): PreflightVerdict {
  if (!observed.webAssembly) return verdict('wasm-simd', 'failed', { key: 'preflight.wasm-simd.noWasm' });
  return verdict('wasm-simd', observed.simd ? 'passed' : 'failed', { key: observed.simd ? 'preflight.wasm-simd.passed' : 'preflight.wasm-simd.noSimd' });
}

/** The free storage the demos need: twice what they download (see the module comment). */
export function storageNeededBytes(downloadBytes: number): number {
  return 2 * downloadBytes;
}

const gibibyte = 1024 ** 3;

/** A storage amount as the reader reads it: gigabytes from 1 GiB up, else `formatBytes`. */
function storageAmount(bytes: number, locale: string): string {
  if (bytes < gibibyte) return formatBytes(bytes, locale);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'gigabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / gibibyte);
}

/** Storage: the quota left for this site (`navigator.storage.estimate()`), against what the demos need; not checked when the browser does not say. */
export function storageCheck(estimate: { quota?: number | undefined; usage?: number | undefined } | undefined, neededBytes: number, locale: string): PreflightVerdict {
  if (typeof estimate?.quota !== 'number') return verdict('storage', 'not-checked', { key: 'preflight.storage.unknown' });
  const free = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  const values = { free: storageAmount(free, locale), needed: storageAmount(neededBytes, locale) };
  return free >= neededBytes ? verdict('storage', 'passed', { key: 'preflight.storage.passed', values }) : verdict('storage', 'failed', { key: 'preflight.storage.failed', values });
}

/** The browsers the course can name, and the first version of each with WebGPU on by default. */
export const webGpuSince = { Chrome: 113, Edge: 113, Firefox: 141, Safari: 26 } as const;

/** A browser the course recognises, and its major version (the Chromium version for Chrome and Edge). */
export interface BrowserVersion {
  name: keyof typeof webGpuSince;
  major: number;
}

/** The browser a user-agent string names, or undefined for one the course does not know (iOS browsers other than Safari among them). */
export function browserOf(userAgent: string): BrowserVersion | undefined {
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  if (firefox) return { name: 'Firefox', major: Number(firefox[1]) };
  // HeadlessChrome, Brave and Opera carry Chromium's own "Chrome/N" token too.
  const chromium = /Chrome\/(\d+)/.exec(userAgent);
  if (chromium) return { name: /Edg\//.test(userAgent) ? 'Edge' : 'Chrome', major: Number(chromium[1]) };
  const safari = /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//.exec(userAgent);
  if (safari) return { name: 'Safari', major: Number(safari[1]) };
  return undefined;
}

/** The browser's version, where it matters: new enough for WebGPU; not checked for a browser the course does not know. */
export function browserCheck(userAgent: string): PreflightVerdict {
  const browser = browserOf(userAgent);
  if (!browser) return verdict('browser', 'not-checked', { key: 'preflight.browser.unknown' });
  const minimum = webGpuSince[browser.name];
  const values = { browser: browser.name, version: browser.major, minimum };
  return verdict('browser', browser.major >= minimum ? 'passed' : 'failed', { key: browser.major >= minimum ? 'preflight.browser.passed' : 'preflight.browser.old', values });
}

// --- The model server ---

/** An endpoint the model checks talk to: found by the bridge, named in the page's address, or chosen earlier in the lesson. */
export interface CheckedEndpoint extends Omit<DiscoveredEndpoint, 'foundBy'> {
  foundBy: DiscoveredEndpoint['foundBy'] | 'named' | 'remembered';
}

/** What looking for the model server gave. */
export type ServerObservation =
  | { outcome: 'found'; endpoint: CheckedEndpoint }
  /** The bridge looked and found nothing; what each Foundry CLI generation said. */
  | { outcome: 'none-found'; cli: readonly CliReport[] }
  /** The endpoint named in the page's address, or remembered without a bridge, did not answer. */
  | { outcome: 'unreachable'; baseUrl: string; failure: FailedRequest }
  /** No bridge and no endpoint to try: the page cannot look. */
  | { outcome: 'no-bridge' };

/** The endpoint to check among those discovered: the one chosen earlier in the lesson, else the first with a loaded chat model, else the first. */
export function chooseEndpoint(endpoints: readonly DiscoveredEndpoint[], rememberedBaseUrl: string | undefined): DiscoveredEndpoint | undefined {
  return (
    endpoints.find((endpoint) => endpoint.baseUrl === rememberedBaseUrl) ??
    endpoints.find((endpoint) => endpoint.models.some((model) => !isEmbeddingModel(model.id) && model.loaded !== false)) ??
    endpoints[0]
  );
}

/** The chat model to ask: the one chosen earlier when it is there and not known to be unloaded, else the first such model. */
export function chatModelOf(endpoint: CheckedEndpoint, rememberedModel: string | undefined): string | undefined {
  const ready = endpoint.models.filter((model) => !isEmbeddingModel(model.id) && model.loaded !== false);
  return (ready.find((model) => model.id === rememberedModel) ?? ready[0])?.id;
}

/** The embedding model to try: a loaded one first. */
export function embeddingModelOf(endpoint: CheckedEndpoint): string | undefined {
  const embedding = endpoint.models.filter((model) => isEmbeddingModel(model.id));
  return (embedding.find((model) => model.loaded !== false) ?? embedding[0])?.id;
}

const foundByKeys = {
  cli: 'endpoint.foundBy.cli',
  port: 'endpoint.foundBy.port',
  named: 'preflight.foundBy.named',
  remembered: 'preflight.foundBy.remembered',
} as const satisfies Record<CheckedEndpoint['foundBy'], PreflightLabelKey>;

function kindKey(endpoint: CheckedEndpoint): PreflightLabelKey {
  return endpoint.kind === 'foundry' ? `kind.foundry${endpoint.generation ?? 2}` : `kind.${endpoint.kind}`;
}

/** The failed verdict for a request that failed, with the diagnosis of src/lib/endpointDiagnosis and its fix for each shell. */
function diagnosedFailure(id: PreflightCheckId, failure: FailedRequest, endpoint: Pick<CheckedEndpoint, 'baseUrl' | 'generation' | 'models'>, model?: string): PreflightVerdict {
  const kind = diagnose({ ...failure, model });
  // The CLI takes Foundry's alias where the server reported one; gen-2 reports none, so the id it is.
  const cliName = endpoint.models.find((entry) => entry.id === model)?.alias ?? model;
  const address = endpointAddress(endpoint.baseUrl);
  const port = 'port' in address ? address.port : undefined;
  if (kind === 'server-error') return verdict(id, 'failed', { key: 'diagnosis.server-error', values: { detail: failure.message } });
  const fix = perShell((shell) => fixCommand(kind, { shell, generation: endpoint.generation ?? 2, model: cliName, port }));
  return verdict(id, 'failed', { key: `diagnosis.${kind}`, values: { model: model ?? '' } }, { fix });
}

/** How to start Foundry Local with a model, for the CLI generation that answered (0.10+ when none did). */
function startFoundry(generation: 1 | 2): ShellCommands | undefined {
  return perShell((shell) => fixCommand('nothing-listening', { shell, generation }));
}

/** Foundry Local's installers (its documentation's): Windows and macOS only. */
const installFoundry: Record<HostSystem, ShellCommands | undefined> = {
  windows: everyShell('winget install Microsoft.FoundryLocal'),
  macos: everyShell('brew tap microsoft/foundrylocal\nbrew install foundrylocal'),
  linux: undefined,
};

/** A model server: found (which kind, how, with how many models), or what was missing and the command that starts one. */
export function modelServerCheck(observed: ServerObservation, system: HostSystem): PreflightVerdict {
  switch (observed.outcome) {
    case 'found': {
      const { endpoint } = observed;
      const knowsLoaded = endpoint.models.some((model) => model.loaded !== undefined);
      const values = { url: endpoint.baseUrl, count: endpoint.models.length, loaded: endpoint.models.filter((model) => model.loaded).length };
      return verdict('model-server', 'passed', { key: knowsLoaded ? 'preflight.model-server.found' : 'preflight.model-server.foundModels', values, labels: { kind: kindKey(endpoint), foundBy: foundByKeys[endpoint.foundBy] } });
    }
    case 'unreachable':
      return diagnosedFailure('model-server', observed.failure, { baseUrl: observed.baseUrl, generation: undefined, models: [] });
    case 'no-bridge':
      return verdict('model-server', 'not-checked', { key: 'preflight.model-server.noBridge' }, { byHand: everyShell('foundry server status') });
    case 'none-found': {
      const answered = observed.cli.filter((report) => report.answered);
      if (answered.length === 0) return verdict('model-server', 'failed', { key: 'preflight.model-server.noFoundry' }, { fix: installFoundry[system] });
      const stale = answered.find((report) => report.baseUrl !== undefined);
      const generation = (stale ?? answered[0]!).generation;
      if (stale) {
        const command = ['foundry', ...(foundryStatusCommands.find((entry) => entry.generation === generation)?.args ?? [])].join(' ');
        return verdict('model-server', 'failed', { key: 'preflight.model-server.cliStale', values: { command, url: stale.baseUrl ?? '' } }, { fix: startFoundry(generation) });
      }
      return verdict('model-server', 'failed', { key: 'preflight.model-server.none' }, { fix: startFoundry(generation) });
    }
  }
}

/** What the one-line chat gave. */
export type ChatObservation =
  | { outcome: 'answered'; model: string; reply: string; timeToFirstTokenMs: number | undefined }
  | { outcome: 'failed'; model: string; failure: FailedRequest }
  | { outcome: 'timed-out'; model: string; seconds: number }
  /** The endpoint lists no chat model that may be loaded. */
  | { outcome: 'no-model' };

/** How much of a reply the verdict quotes: one line of it. */
const replyLimit = 100;

/** A reply on one line, cut to `replyLimit` characters. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > replyLimit ? `${line.slice(0, replyLimit).trimEnd()}…` : line;
}

const waitsForServer: PreflightReason = { key: 'preflight.needsServer' };

/** A model that answers: its reply and time to first token, or the diagnosis and fix; not checked without a server. */
export function chatCheck(endpoint: CheckedEndpoint | undefined, observed: ChatObservation | undefined, locale: string): PreflightVerdict {
  if (!endpoint || !observed) return verdict('chat', 'not-checked', waitsForServer);
  switch (observed.outcome) {
    case 'no-model':
      return verdict('chat', 'failed', { key: 'preflight.chat.noModel', values: { url: endpoint.baseUrl } }, { fix: perShell((shell) => fixCommand('model-not-loaded', { shell, generation: endpoint.generation ?? 2 })) });
    case 'timed-out':
      return verdict('chat', 'failed', { key: 'preflight.chat.timedOut', values: { model: observed.model, seconds: observed.seconds } });
    case 'failed':
      return diagnosedFailure('chat', observed.failure, endpoint, observed.model);
    case 'answered': {
      const reply = oneLine(observed.reply);
      if (reply === '') return verdict('chat', 'failed', { key: 'preflight.chat.empty', values: { model: observed.model } });
      const ttft = observed.timeToFirstTokenMs === undefined ? '—' : formatMs(observed.timeToFirstTokenMs, locale);
      return verdict('chat', 'passed', { key: 'preflight.chat.passed', values: { model: observed.model, ttft, reply } });
    }
  }
}

/** What asking for one embedding gave. */
export type EmbeddingObservation =
  | { outcome: 'embedded'; model: string; dimensions: number }
  | { outcome: 'failed'; model: string; failure: FailedRequest }
  /** The endpoint lists no embedding model. */
  | { outcome: 'no-model' };

/** An embedding model (optional): one that answers, or why not; not checked without a server. */
export function embeddingsCheck(endpoint: CheckedEndpoint | undefined, observed: EmbeddingObservation | undefined): PreflightVerdict {
  if (!endpoint || !observed) return verdict('embeddings', 'not-checked', waitsForServer);
  if (observed.outcome === 'no-model') return verdict('embeddings', 'failed', { key: 'preflight.embeddings.none', values: { url: endpoint.baseUrl } });
  if (observed.outcome === 'failed') return diagnosedFailure('embeddings', observed.failure, endpoint, observed.model);
  return verdict('embeddings', 'passed', { key: 'preflight.embeddings.passed', values: { model: observed.model, dimensions: observed.dimensions } });
}

// --- On the learner's computer ---

const installPython: Record<HostSystem, ShellCommands> = {
  windows: everyShell('winget install -e --id Python.Python.3.12'),
  macos: everyShell('brew install python@3.12'),
  linux: { posix: 'sudo apt-get install python3 python3-pip python3-venv' },
};

/** pip for the Python that lacks it: ensurepip, except on Debian and Ubuntu, whose Python leaves pip to the package manager. */
function addPip(launcher: string, system: HostSystem): ShellCommands {
  return system === 'linux' ? { posix: 'sudo apt-get install python3-pip python3-venv' } : everyShell(`${launcher} -m ensurepip --upgrade`);
}

const installDocker: Record<HostSystem, ShellCommands> = {
  windows: everyShell('winget install -e --id Docker.DockerDesktop'),
  macos: everyShell('brew install --cask docker'),
  linux: { posix: 'sudo apt-get install docker.io\nsudo systemctl enable --now docker' },
};

const startDocker: Record<HostSystem, ShellCommands> = {
  windows: {
    powershell: 'Start-Process "$env:ProgramFiles\\Docker\\Docker\\Docker Desktop.exe"',
    cmd: 'start "" "%ProgramFiles%\\Docker\\Docker\\Docker Desktop.exe"',
    posix: 'docker desktop start',
  },
  macos: everyShell('open -a Docker'),
  linux: { posix: 'sudo systemctl start docker' },
};

/** On Linux the daemon's socket belongs to the docker group; elsewhere Docker Desktop grants access itself, so starting it is the fix. */
const joinDockerGroup: Record<HostSystem, ShellCommands> = { ...startDocker, linux: { posix: 'sudo usermod -aG docker "$USER"\nnewgrp docker' } };

const installNode: Record<HostSystem, ShellCommands> = {
  windows: everyShell('winget install -e --id OpenJS.NodeJS.LTS'),
  macos: everyShell('brew install node'),
  linux: { posix: 'nvm install 22' },
};

/** The oldest Node.js the course runs on: package.json's `engines` (">=22.18"). */
export const minimumNode = { major: 22, minor: 18 } as const;

/** The oldest Python Chainlit installs on. */
export const minimumPython = { major: 3, minor: 10 } as const;

function atLeast(version: { major: number; minor: number }, minimum: { major: number; minor: number }): boolean {
  return version.major > minimum.major || (version.major === minimum.major && version.minor >= minimum.minor);
}

/** The first match of `pattern` in a command's output: stdout, then stderr (Python before 3.4 prints its version there). */
function found(result: CommandResult | undefined, pattern: RegExp): RegExpExecArray | undefined {
  if (!result) return undefined;
  return pattern.exec(result.stdout) ?? pattern.exec(result.stderr) ?? undefined;
}

/** The first line a failed command printed, stderr first: what the learner would have read. */
function firstLine(result: CommandResult): string {
  return (`${result.stderr}\n${result.stdout}`.split('\n').find((line) => line.trim() !== '') ?? '').trim();
}

const shown = (argv: readonly string[]) => argv.join(' ');

/** The not-checked verdict of a machine check on a page without the bridge: the commands to run by hand, for `system`. */
function runByHand(id: MachineCheckId, system: HostSystem): PreflightVerdict {
  return verdict(id, 'not-checked', { key: 'preflight.machine.noBridge' }, { byHand: perShell((shell) => handCommands(id, system, shell)) });
}

function results(report: MachineReport, id: MachineCheckId): CommandResult[] {
  return report.results.filter((result) => (commandIdsOf(id) as readonly string[]).includes(result.id));
}

const timedOut = (id: MachineCheckId, result: CommandResult) =>
  verdict(id, 'failed', { key: 'preflight.command.timedOut', values: { command: shown(result.argv), seconds: commandTimeoutMs / 1000 } });

/**
 * Python 3.10+ with pip, through the first launcher that has both; else the best found (too old, or no
 * pip) and its fix. Reads the version from stdout or stderr; a Microsoft Store stand-in prints no version.
 */
export function pythonCheck(report: MachineReport | undefined, readerSystem: HostSystem): PreflightVerdict {
  if (!report) return runByHand('python', readerSystem);
  const ran = results(report, 'python');
  const candidates = ran
    .filter((result) => result.id === 'python-version')
    .map((versionRun) => {
      const launcher = versionRun.argv.slice(0, -1);
      const pipRun = ran.find((result) => result.id === 'pip-version' && shown(result.argv).startsWith(`${shown(launcher)} -m pip`));
      const version = found(versionRun, /Python (\d+)\.(\d+)(?:\.\d+)?\S*/);
      return {
        versionRun,
        launcher: shown(launcher),
        version: version && { text: version[0], major: Number(version[1]), minor: Number(version[2]) },
        pip: pipRun?.exitCode === 0 ? found(pipRun, /^pip (\S+)/m)?.[1] : undefined,
      };
    });
  const recent = candidates.filter((candidate) => candidate.version && atLeast(candidate.version, minimumPython));
  const ready = recent.find((candidate) => candidate.pip !== undefined);
  if (ready) return verdict('python', 'passed', { key: 'preflight.python.passed', values: { version: ready.version!.text, pip: ready.pip!, command: ready.launcher } });
  const [withoutPip] = recent;
  if (withoutPip) return verdict('python', 'failed', { key: 'preflight.python.noPip', values: { version: withoutPip.version!.text, command: withoutPip.launcher } }, { fix: addPip(withoutPip.launcher, report.system) });
  const old = candidates.find((candidate) => candidate.version);
  if (old) return verdict('python', 'failed', { key: 'preflight.python.old', values: { version: old.version!.text } }, { fix: installPython[report.system] });
  const slow = candidates.find((candidate) => candidate.versionRun.problem === 'timed-out');
  if (slow) return timedOut('python', slow.versionRun);
  return verdict('python', 'failed', { key: 'preflight.python.missing', values: { commands: candidates.map((candidate) => candidate.launcher).join(', ') } }, { fix: installPython[report.system] });
}

/**
 * Docker installed (`docker --version`, also Podman's stand-in) with its daemon answering (`docker info`
 * prints the server's version and exits 0). The client alone works while the daemon is down; a daemon
 * that refuses the user says "permission denied".
 */
export function dockerCheck(report: MachineReport | undefined, readerSystem: HostSystem): PreflightVerdict {
  if (!report) return runByHand('docker', readerSystem);
  const [clientRun, infoRun] = [report.results.find((result) => result.id === 'docker-version'), report.results.find((result) => result.id === 'docker-info')];
  const client = found(clientRun, /(?:docker|podman) version (\d[^\s,]*)/i)?.[1];
  if (!client) return clientRun?.problem === 'timed-out' ? timedOut('docker', clientRun) : verdict('docker', 'failed', { key: 'preflight.docker.missing' }, { fix: installDocker[report.system] });
  const server = infoRun?.exitCode === 0 ? /^\s*(\d[^\s]*)/.exec(infoRun.stdout)?.[1] : undefined;
  if (server) return verdict('docker', 'passed', { key: 'preflight.docker.passed', values: { client, server } });
  if (!infoRun || infoRun.problem === 'timed-out')
    return verdict('docker', 'failed', { key: 'preflight.docker.daemonSlow', values: { client, seconds: commandTimeoutMs / 1000 } }, { fix: startDocker[report.system] });
  const output = firstLine(infoRun);
  if (/permission denied/i.test(output)) return verdict('docker', 'failed', { key: 'preflight.docker.permission', values: { client, output } }, { fix: joinDockerGroup[report.system] });
  return verdict('docker', 'failed', { key: 'preflight.docker.daemonDown', values: { client, output } }, { fix: startDocker[report.system] });
}

/** Node.js on the PATH at `minimumNode` or newer: what the labs run with. */
export function nodeCheck(report: MachineReport | undefined, readerSystem: HostSystem): PreflightVerdict {
  if (!report) return runByHand('node', readerSystem);
  const run = report.results.find((result) => result.id === 'node-version');
  const version = found(run, /^v(\d+)\.(\d+)\.\d+\S*/m);
  if (!version) return run?.problem === 'timed-out' ? timedOut('node', run) : verdict('node', 'failed', { key: 'preflight.node.missing' }, { fix: installNode[report.system] });
  const values = { version: version[0], minimum: `${minimumNode.major}.${minimumNode.minor}` };
  if (atLeast({ major: Number(version[1]), minor: Number(version[2]) }, minimumNode)) return verdict('node', 'passed', { key: 'preflight.node.passed', values });
  return verdict('node', 'failed', { key: 'preflight.node.old', values }, { fix: installNode[report.system] });
}

// --- The summary ---

/** How ready the learner is: required checks passed of all required, and which failed or could not be checked. */
export interface PreflightSummary {
  passed: number;
  required: number;
  toFix: PreflightCheckId[];
  notChecked: PreflightCheckId[];
}

/** Counts the required checks by their verdicts; a required check without a verdict yet counts as not checked. */
export function summarize(verdicts: readonly PreflightVerdict[]): PreflightSummary {
  const required = preflightChecks.filter((check) => check.required);
  const stateOf = (id: PreflightCheckId) => verdicts.find((entry) => entry.id === id)?.state ?? 'not-checked';
  return {
    passed: required.filter((check) => stateOf(check.id) === 'passed').length,
    required: required.length,
    toFix: required.filter((check) => stateOf(check.id) === 'failed').map((check) => check.id),
    notChecked: required.filter((check) => stateOf(check.id) === 'not-checked').map((check) => check.id),
  };
}

/** The UI strings the summary and the copied report are written with. */
export const preflightTextKeys = [
  ...preflightReasonKeys,
  ...preflightLabelKeys,
  ...preflightCheckIds.map((id) => `preflight.check.${id}` as const),
  'preflight.state.passed', 'preflight.state.failed', 'preflight.state.not-checked',
  'preflight.summary.ready', 'preflight.summary.fix', 'preflight.summary.unchecked', 'preflight.summary.fixAndUnchecked',
  'preflight.report.line', 'preflight.report.optional', 'preflight.fix', 'preflight.byHand',
  'shell.powershell', 'shell.cmd', 'shell.posix',
] as const satisfies readonly UiKey[];
/** A key of `preflightTextKeys`. */
export type PreflightTextKey = (typeof preflightTextKeys)[number];

/** A reason in the reader's language. */
export function reasonText(reason: PreflightReason, t: Translate<PreflightTextKey>): string {
  const labels = Object.fromEntries(Object.entries(reason.labels ?? {}).map(([name, key]) => [name, t(key)]));
  return t(reason.key, { ...reason.values, ...labels });
}

/** The summary line: "Ready for Session 4: 6 of 7 — fix: …", naming what to fix and what was not checked. */
export function summaryLine(summary: PreflightSummary, t: Translate<PreflightTextKey>, locale: string): string {
  const names = (ids: readonly PreflightCheckId[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(ids.map((id) => t(`preflight.check.${id}`)));
  const values = { passed: summary.passed, required: summary.required, checks: names(summary.toFix), unchecked: names(summary.notChecked) };
  if (summary.toFix.length > 0) return t(summary.notChecked.length > 0 ? 'preflight.summary.fixAndUnchecked' : 'preflight.summary.fix', values);
  return t(summary.notChecked.length > 0 ? 'preflight.summary.unchecked' : 'preflight.summary.ready', values);
}

/** The command to show a reader of `shell`: theirs, else the first shell that has one (a fix written for one shell only), with its shell. */
export function commandFor(commands: ShellCommands | undefined, shell: Shell): { shell: Shell; command: string } | undefined {
  const chosen = commands?.[shell] !== undefined ? shell : shells.find((other) => commands?.[other] !== undefined);
  return chosen && commands?.[chosen] !== undefined ? { shell: chosen, command: commands[chosen] } : undefined;
}

/** The whole result as plain text to paste into a chat or an e-mail: the summary, then each check with its reason and command. */
export function preflightReport(verdicts: readonly PreflightVerdict[], options: { t: Translate<PreflightTextKey>; locale: string; shell: Shell }): string {
  const { t, locale, shell } = options;
  const lines = [summaryLine(summarize(verdicts), t, locale), ''];
  for (const check of preflightChecks) {
    const entry = verdicts.find((candidate) => candidate.id === check.id);
    if (!entry) continue;
    const title = t(`preflight.check.${check.id}`);
    const name = check.required ? title : t('preflight.report.optional', { check: title });
    lines.push(t('preflight.report.line', { state: t(`preflight.state.${entry.state}`), check: name, reason: reasonText(entry.reason, t) }));
    const command = commandFor(entry.fix ?? entry.byHand, shell);
    if (command) lines.push(`  ${t(entry.fix ? 'preflight.fix' : 'preflight.byHand', { shell: t(`shell.${command.shell}`) })}`, ...command.command.split('\n').map((line) => `    ${line}`));
  }
  return lines.join('\n');
}
