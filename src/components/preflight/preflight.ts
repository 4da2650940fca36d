/**
 * The behaviour of <pre-flight>: observe what each check needs — in this browser, at the model server
 * (through the bridge, or directly on a static host), on this computer (the bridge's /api/preflight) — hand
 * the observations to src/lib/preflightChecks for verdicts, and show them with the fix for the chosen shell.
 * The model checks use the endpoint named by `?endpoint=` in the page's address when there is one (an
 * instructor can share a link to the class endpoint), else what the bridge finds, preferring the endpoint
 * chosen earlier in the lesson.
 */
import { preflightResultKey } from '../../lib/classroomStorageKeys';
import { endpointAddress } from '../../lib/endpointAddress';
import { safeStorage } from '../../lib/safeStorage';
import type { DiscoveryReport } from '../../lib/endpointDiscovery';
import { translateFrom, type Translate } from '../../lib/i18n';
import { isShell, type Shell } from '../../lib/preferences';
import {
  browserCheck,
  chatCheck,
  chatModelOf,
  chooseEndpoint,
  commandFor,
  dockerCheck,
  embeddingModelOf,
  embeddingsCheck,
  modelServerCheck,
  nodeCheck,
  preflightReport,
  pythonCheck,
  reasonText,
  simdProbeModule,
  storageCheck,
  summarize,
  summaryLine,
  wasmSimdCheck,
  webGpuCheck,
  type ChatObservation,
  type CheckedEndpoint,
  type EmbeddingObservation,
  type PreflightVerdict,
  type ServerObservation,
} from '../../lib/preflightChecks';
import { preflightChecks, type PreflightCheckId } from '../../lib/preflightCatalog';
import type { MachineReport } from '../../lib/preflightCommands';
import { part } from '../dom';
import { streamCompletion } from '../chat/streamCompletion';
import { joinedClassroom } from '../classroom/classroomPresence';
import { askBridgeForEndpoints } from '../endpoint/bridgeDiscovery';
import { failureOf } from '../endpoint/diagnosisView';
import { rememberedChoice, type EndpointChoice } from '../endpoint/endpointStore';
import { openAiClientFor } from '../endpoint/openAiClient';
import { adapterName, probeWebGpu } from '../inference/webGpuProbe';
import { readerShell, readerSystem } from '../readerPlatform';
import { readStrings } from '../strings';
import type { PreflightKey } from './preflightStrings';

/** How long the one-line chat may take: the first answer after loading a model can take tens of seconds. */
const chatTimeoutMs = 60_000;
/** How long one embedding may take. */
const embeddingTimeoutMs = 30_000;

/** The bridge's machine report, or undefined when the page has no bridge (a static host answers 404, or HTML). */
async function askBridgeForMachine(): Promise<MachineReport | undefined> {
  try {
    const response = await fetch('/api/preflight');
    return response.ok && response.headers.get('content-type')?.includes('json') ? ((await response.json()) as MachineReport) : undefined;
  } catch {
    return undefined;
  }
}

/** The model ids a `/v1/models` listing names; anything else in it is ignored. */
function listedModels(listing: unknown): { id: string }[] {
  const data = (listing as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data.flatMap((item: { id?: unknown } | null) => (typeof item?.id === 'string' ? [{ id: item.id }] : [])) : [];
}

class Preflight extends HTMLElement {
  private t: Translate<PreflightKey> = translateFrom<PreflightKey>({});
  private readonly verdicts = new Map<PreflightCheckId, PreflightVerdict>();
  private readonly running = new Set<PreflightCheckId>();
  private shell: Shell = 'posix';
  /** The endpoint the model checks talk to, once the model-server check found one. */
  private endpoint: CheckedEndpoint | undefined;
  private viaBridge = false;
  /** One machine report per round of checks: every machine check reads the same one. */
  private machine: Promise<MachineReport | undefined> | undefined;
  /** The endpoint `?endpoint=` names, when it is a usable address. */
  private named: string | undefined;

  connectedCallback() {
    this.t = readStrings(this);
    for (const control of this.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')) control.disabled = false;
    const shellChoice = part<HTMLSelectElement>(this, '.preflight-shell');
    this.shell = readerShell();
    shellChoice.value = this.shell;
    shellChoice.addEventListener('change', () => {
      if (isShell(shellChoice.value)) this.shell = shellChoice.value;
      for (const { id } of preflightChecks) this.render(id);
    });
    part(this, '.preflight-all').addEventListener('click', () => void this.runAll());
    part(this, '.preflight-copy').addEventListener('click', () => void this.copy());
    for (const { id } of preflightChecks) part(this.item(id), '.preflight-again').addEventListener('click', () => void this.runOne(id));
    this.showNamedEndpoint();
    void this.runAll();
  }

  private item(id: PreflightCheckId): HTMLElement {
    return part(this, `[data-check="${id}"]`);
  }

  private locale(): string {
    return document.documentElement.lang || 'en';
  }

  /** Reads `?endpoint=` once, and says which endpoint the model checks use, or why the address cannot be used. */
  private showNamedEndpoint() {
    const asked = new URLSearchParams(location.search).get('endpoint');
    if (asked === null) return;
    const address = endpointAddress(asked);
    this.named = 'origin' in address ? address.origin : undefined;
    const note = part(this, '.preflight-named');
    note.textContent = 'origin' in address ? this.t('preflight.namedEndpoint', { url: address.origin }) : this.t(`address.${address.problem}`);
    note.hidden = false;
  }

  private runAll(): Promise<void> {
    this.machine = undefined;
    return Promise.all(preflightChecks.filter((check) => check.after === undefined).map((check) => this.run(check.id))).then(() => undefined);
  }

  private runOne(id: PreflightCheckId): Promise<void> {
    if (preflightChecks.find((check) => check.id === id)?.source === 'machine') this.machine = undefined;
    return this.run(id);
  }

  /** Runs one check, then the checks that wait for it (shown as checking from the start, so the summary never counts early). */
  private async run(id: PreflightCheckId): Promise<void> {
    const waiting = preflightChecks.filter((check) => check.after === id).map((check) => check.id);
    this.running.add(id);
    this.render(id);
    try {
      this.verdicts.set(id, await this.judge(id));
    } catch (error) {
      // A check that broke keeps its last verdict; the ones after it still run.
      console.error(error);
    }
    for (const next of waiting) this.running.add(next);
    this.running.delete(id);
    this.render(id);
    await Promise.all(waiting.map((next) => this.run(next)));
  }

  private async judge(id: PreflightCheckId): Promise<PreflightVerdict> {
    const system = readerSystem();
    switch (id) {
      case 'webgpu':
        return webGpuCheck(await probeWebGpu(), adapterName);
      case 'wasm-simd':
        return wasmSimdCheck({ webAssembly: typeof WebAssembly === 'object', simd: typeof WebAssembly === 'object' && WebAssembly.validate(simdProbeModule) });
      case 'storage':
        return storageCheck(await navigator.storage?.estimate?.().catch(() => undefined), Number(this.dataset['neededBytes']), this.locale());
      case 'browser':
        return browserCheck(navigator.userAgent);
      case 'model-server': {
        const observed = await this.findServer();
        this.endpoint = observed.outcome === 'found' ? observed.endpoint : undefined;
        return modelServerCheck(observed, system);
      }
      case 'chat':
        return chatCheck(this.endpoint, this.endpoint && (await this.askModel(this.endpoint)), this.locale());
      case 'embeddings':
        return embeddingsCheck(this.endpoint, this.endpoint && (await this.embedOnce(this.endpoint)));
      case 'python':
        return pythonCheck(await this.machineReport(), system);
      case 'docker':
        return dockerCheck(await this.machineReport(), system);
      case 'node':
        return nodeCheck(await this.machineReport(), system);
    }
  }

  private machineReport(): Promise<MachineReport | undefined> {
    this.machine ??= askBridgeForMachine();
    return this.machine;
  }

  /** The endpoint named in the page's address; else the bridge's discovery; else, on a static host, the one chosen in the lesson. */
  private async findServer(): Promise<ServerObservation> {
    const report: DiscoveryReport | undefined = await askBridgeForEndpoints();
    this.viaBridge = report !== undefined;
    const named = this.named;
    if (named) {
      const known = report?.endpoints.find((endpoint) => endpoint.baseUrl === named);
      return known ? { outcome: 'found', endpoint: { ...known, foundBy: 'named' } } : this.listModels(named, 'named');
    }
    const remembered = rememberedChoice();
    if (report) {
      const chosen = chooseEndpoint(report.endpoints, remembered.baseUrl);
      return chosen ? { outcome: 'found', endpoint: chosen } : { outcome: 'none-found', cli: report.cli };
    }
    const address = endpointAddress(typeof remembered.baseUrl === 'string' ? remembered.baseUrl : '');
    return 'origin' in address ? this.listModels(address.origin, 'remembered') : { outcome: 'no-bridge' };
  }

  /** Asks an endpoint the course did not discover for its models, through the bridge when there is one. */
  private async listModels(baseUrl: string, foundBy: 'named' | 'remembered'): Promise<ServerObservation> {
    const direct = !this.viaBridge;
    try {
      const response = direct ? await fetch(`${baseUrl}/v1/models`) : await fetch('/api/bridge/v1/models', { headers: { 'X-Course-Endpoint': baseUrl } });
      if (!response.ok) return { outcome: 'unreachable', baseUrl, failure: { status: response.status, message: await response.text(), direct } };
      return { outcome: 'found', endpoint: { baseUrl, kind: 'openai-compatible', foundBy, models: listedModels(await response.json()) } };
    } catch (error) {
      return { outcome: 'unreachable', baseUrl, failure: { status: undefined, message: String(error), direct } };
    }
  }

  private choiceFor(endpoint: CheckedEndpoint, model: string): EndpointChoice {
    // A key typed in a lesson's endpoint panel stays on that page: this one sends none.
    return { baseUrl: endpoint.baseUrl, kind: endpoint.kind, generation: endpoint.generation, models: endpoint.models, model, viaBridge: this.viaBridge, apiKey: '' };
  }

  /** The one-line chat, timed to its first token. */
  private async askModel(endpoint: CheckedEndpoint): Promise<ChatObservation> {
    const model = chatModelOf(endpoint, rememberedChoice().model);
    if (!model) return { outcome: 'no-model' };
    const choice = this.choiceFor(endpoint, model);
    const signal = AbortSignal.timeout(chatTimeoutMs);
    try {
      const { text, metrics } = await streamCompletion(choice, model, this.t('preflight.chatPrompt'), signal, () => {});
      return { outcome: 'answered', model, reply: text, timeToFirstTokenMs: metrics.timeToFirstTokenMs };
    } catch (error) {
      if (signal.aborted) return { outcome: 'timed-out', model, seconds: chatTimeoutMs / 1000 };
      return { outcome: 'failed', model, failure: failureOf(error, choice) };
    }
  }

  /** One embedding of a short text, to see that the embedding model answers and how long its vectors are. */
  private async embedOnce(endpoint: CheckedEndpoint): Promise<EmbeddingObservation> {
    const model = embeddingModelOf(endpoint);
    if (!model) return { outcome: 'no-model' };
    const choice = this.choiceFor(endpoint, model);
    try {
      const client = await openAiClientFor(choice);
      const { data } = await client.embeddings.create({ model, input: 'pre-flight', encoding_format: 'float' }, { signal: AbortSignal.timeout(embeddingTimeoutMs) });
      return { outcome: 'embedded', model, dimensions: data[0]?.embedding.length ?? 0 };
    } catch (error) {
      return { outcome: 'failed', model, failure: failureOf(error, choice) };
    }
  }

  /** Shows one check: checking, or its verdict with the command for the chosen shell; then the summary. */
  private render(id: PreflightCheckId) {
    const item = this.item(id);
    const checking = this.running.has(id);
    const judged = this.verdicts.get(id);
    item.dataset['state'] = checking ? 'checking' : (judged?.state ?? 'not-checked');
    part(item, '.preflight-state').textContent = this.t(checking ? 'preflight.state.checking' : `preflight.state.${judged?.state ?? 'not-checked'}`);
    part(item, '.preflight-reason').textContent = checking || !judged ? '' : reasonText(judged.reason, this.t);
    const box = part(item, '.preflight-commands');
    const shown = checking || !judged ? undefined : commandFor(judged.fix ?? judged.byHand, this.shell);
    box.hidden = shown === undefined;
    if (shown && judged) {
      const label = Object.assign(document.createElement('p'), {
        className: 'preflight-commands-label',
        textContent: this.t(judged.fix ? 'preflight.fix' : 'preflight.byHand', { shell: this.t(`shell.${shown.shell}`) }),
      });
      const code = Object.assign(document.createElement('pre'), { className: 'diagnosis-command', dir: 'ltr' });
      code.append(Object.assign(document.createElement('code'), { textContent: shown.command }));
      box.replaceChildren(label, code);
    } else box.replaceChildren();
    part<HTMLButtonElement>(item, '.preflight-again').disabled = checking;
    this.renderSummary();
  }

  private renderSummary() {
    const complete = this.running.size === 0;
    // Kept for a class the learner joins and shares their pre-flight with (see components/classroom).
    if (complete) {
      safeStorage.set(preflightResultKey, JSON.stringify(Object.fromEntries([...this.verdicts.values()].map((verdict) => [verdict.id, verdict.state]))));
      void joinedClassroom().then((connection) => connection?.refresh());
    }
    this.toggleAttribute('data-complete', complete);
    part<HTMLButtonElement>(this, '.preflight-all').disabled = !complete;
    part(this, '.preflight-summary').textContent = complete ? summaryLine(summarize([...this.verdicts.values()]), this.t, this.locale()) : this.t('preflight.state.checking');
  }

  /** Copies the whole result as plain text, and says whether it could. */
  private async copy() {
    const status = part(this, '.preflight-copy-status');
    try {
      await navigator.clipboard.writeText(preflightReport([...this.verdicts.values()], { t: this.t, locale: this.locale(), shell: this.shell }));
      status.textContent = this.t('preflight.copied');
    } catch {
      status.textContent = this.t('preflight.copyFailed');
    }
  }
}

/** Registers <pre-flight> once. */
export function definePreflight(): void {
  if (!customElements.get('pre-flight')) customElements.define('pre-flight', Preflight);
}
