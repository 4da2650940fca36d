/** The behaviour of <hybrid-router>: plan each prompt's route, try the targets in turn, and trace why. */
import { isEmbeddingModel } from '../../lib/embeddingRanking';
import { formatMs } from '../../lib/formatting';
import { cloudApiAddress, planRoute, runRoute, type Attempt, type RoutePlan, type RoutingPolicy, type TraceStep } from '../../lib/hybridRouting';
import { translateFrom, type Translate } from '../../lib/i18n';
import { safeSessionStorage, safeStorage } from '../../lib/safeStorage';
import { part } from '../dom';
import { currentChoice, onChoice, type EndpointChoice } from '../endpoint/endpointStore';
import { drawTimeline } from '../barChartView';
import { showDemoState } from '../demoStatus';
import { readStrings } from '../strings';
import { followModelServer, noModelsOption } from './modelServerState';
import type { HybridRouterKey } from './chatStrings';
import { StreamedAnswer } from './streamedAnswer';
import { streamCompletion } from './streamCompletion';

/** The cloud address and model are remembered; the key only in sessionStorage, and only when the learner asks. */
const cloudSettingsKey = 'edge-course:cloud-endpoint';
const cloudKeyKey = 'edge-course:cloud-key';

class HybridRouter extends HTMLElement {
  private t: Translate<HybridRouterKey> = translateFrom<HybridRouterKey>({});
  private locale = 'en';

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const answer = new StreamedAnswer(this, this.t, this.locale);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, .demo-start')) control.disabled = false;
    this.restoreCloud();
    this.fillLocalModels(currentChoice());
    onChoice((choice) => this.fillLocalModels(choice));
    // It can route once some target exists: a local model, or a cloud address and model.
    const hasTarget = () => part<HTMLSelectElement>(this, '.router-local-general').value !== '' || (this.input('.router-cloud-url').value.trim() !== '' && this.input('.router-cloud-model').value.trim() !== '');
    const checkTargets = followModelServer(this, this.t, hasTarget);
    for (const selector of ['.router-cloud-url', '.router-cloud-model']) this.input(selector).addEventListener('input', checkTargets);
    this.input('.router-cloud-url').addEventListener('change', () => this.saveCloud());
    this.input('.router-cloud-model').addEventListener('change', () => this.saveCloud());
    this.input('.router-cloud-key').addEventListener('input', () => this.saveKey());
    this.input('.router-keep-key').addEventListener('change', () => this.saveKey());
    part(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.route(answer);
    });
  }

  private input(selector: string): HTMLInputElement {
    return part<HTMLInputElement>(this, selector);
  }

  private fillLocalModels(choice: EndpointChoice | undefined) {
    const models = (choice?.models ?? []).filter((model) => !isEmbeddingModel(model.id) && model.loaded !== false).map((model) => model.id);
    const coder = models.find((id) => /coder/i.test(id));
    for (const [selector, pick] of [['.router-local-general', choice?.model], ['.router-local-code', coder ?? choice?.model]] as const) {
      const select = part<HTMLSelectElement>(this, selector);
      const options = models.map((id) => Object.assign(document.createElement('option'), { value: id, textContent: id }));
      select.replaceChildren(...(options.length > 0 ? options : [noModelsOption(this.t)]));
      select.disabled = models.length === 0;
      if (pick && models.includes(pick)) select.value = pick;
    }
  }

  private restoreCloud() {
    try {
      const saved = JSON.parse(safeStorage.get(cloudSettingsKey) ?? '{}') as { url?: string; model?: string };
      this.input('.router-cloud-url').value = saved.url ?? '';
      this.input('.router-cloud-model').value = saved.model ?? '';
    } catch {
      // Unreadable settings: start with empty fields; the key was never among them.
    }
    const key = safeSessionStorage.get(cloudKeyKey);
    if (key) {
      this.input('.router-cloud-key').value = key;
      this.input('.router-keep-key').checked = true;
    }
  }

  private saveCloud() {
    safeStorage.set(cloudSettingsKey, JSON.stringify({ url: this.input('.router-cloud-url').value.trim(), model: this.input('.router-cloud-model').value.trim() }));
  }

  /** Storage refused or full: the key still works for this visit. */
  private saveKey() {
    if (this.input('.router-keep-key').checked) safeSessionStorage.set(cloudKeyKey, this.input('.router-cloud-key').value);
    else safeSessionStorage.remove(cloudKeyKey);
  }

  /** The cloud endpoint typed, undefined when none is, or 'invalid' for an address that may not carry a key. */
  private cloud(): EndpointChoice | 'invalid' | undefined {
    const model = this.input('.router-cloud-model').value.trim();
    const address = cloudApiAddress(this.input('.router-cloud-url').value, model);
    if (address === undefined || address === 'invalid') return address;
    return { baseUrl: new URL(address).origin, apiBaseUrl: address, kind: 'openai-compatible', models: [], model, viaBridge: false, apiKey: this.input('.router-cloud-key').value.trim() };
  }

  private traceLine(text: string, outcome?: string) {
    const item = Object.assign(document.createElement('li'), { textContent: text });
    if (outcome) item.dataset['outcome'] = outcome;
    part(this, '.router-trace').append(item);
  }

  /** The rule, then why targets were left out; a cloud address that was refused is named as the reason. */
  private explainPlan(plan: RoutePlan, contextTokens: number, cloudRefused: boolean) {
    this.traceLine(this.t('router.rule', { rule: this.t(`router.rule.${plan.rule}`) }));
    for (const { reason } of plan.skipped) {
      if (reason === 'no-cloud' && cloudRefused) {
        this.traceLine(this.t('router.invalidCloud'), 'skipped');
        continue;
      }
      const kinds = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(plan.personalData.map((kind) => this.t(`router.data.${kind}`)));
      this.traceLine(this.t(`router.skip.${reason}`, { kinds, tokens: plan.estimatedTokens, limit: contextTokens }), 'skipped');
    }
  }

  private describeStep(step: TraceStep, timeoutMs: number): string {
    const { target, model } = step.attempt;
    return this.t(`router.step.${step.outcome}`, {
      target: this.t(`router.target.${target}`),
      model,
      time: formatMs(step.outcome === 'timeout' ? timeoutMs : step.ms, this.locale),
      detail: step.detail ?? '',
    });
  }

  /** The route as a timeline: each try's time, one after another, coloured by how it ended. */
  private showTimeline(steps: readonly TraceStep[], timeoutMs: number) {
    drawTimeline(
      part<SVGSVGElement>(this, '.router-timeline'),
      steps.map((step) => ({
        ms: step.outcome === 'timeout' ? timeoutMs : step.ms,
        label: this.t('router.timelineStep', {
          target: this.t(`router.timeline.${step.attempt.target}`),
          model: step.attempt.model ?? '',
          time: formatMs(step.outcome === 'timeout' ? timeoutMs : step.ms, this.locale),
        }),
        kind: step.outcome,
      })),
    );
  }

  private async route(answer: StreamedAnswer) {
    const prompt = part<HTMLTextAreaElement>(this, 'textarea').value;
    const local = currentChoice();
    const cloud = this.cloud();
    const contextTokens = Number(this.input('.router-context').value) || 4096;
    const timeoutMs = (Number(this.input('.router-timeout').value) || 20) * 1000;
    const general = part<HTMLSelectElement>(this, '.router-local-general').value;
    const plan = planRoute(prompt, this.input('.router-private').checked, {
      policy: (this.querySelector<HTMLInputElement>('input[name="router-policy"]:checked')?.value ?? 'local-first') as RoutingPolicy,
      localModels: { general, code: part<HTMLSelectElement>(this, '.router-local-code').value || general },
      cloudModel: cloud && cloud !== 'invalid' ? cloud.model : undefined,
      online: navigator.onLine,
      localContextTokens: contextTokens,
    });
    part(this, '.router-trace').replaceChildren();
    part(this, '.router-timeline').replaceChildren();
    part(this, '.router-results').hidden = false;
    this.explainPlan(plan, contextTokens, cloud === 'invalid');
    if (plan.attempts.length === 0) {
      // Nothing is sent, so `begin` won't clear the last answer: do it here.
      answer.answer.replaceChildren();
      answer.status('');
      this.traceLine(this.t('router.nothingToTry'), 'refused');
      return;
    }
    const signal = answer.begin();
    let answering: Attempt | undefined;
    const sendAttempt = async (attempt: Attempt, attemptSignal: AbortSignal, onText: (text: string) => void) => {
      const target = attempt.target === 'local' ? local : cloud !== 'invalid' ? cloud : undefined;
      if (!target || !attempt.model) throw new Error(this.t('router.noLocal'));
      return (await streamCompletion(target, attempt.model, prompt, attemptSignal, onText)).text;
    };
    try {
      const steps = await runRoute(plan, sendAttempt, {
        firstTokenTimeoutMs: timeoutMs,
        signal,
        onText: (attempt, text) => {
          answering = attempt;
          answer.show(text);
        },
        onStep: (step) => {
          if (step.outcome !== 'answered' && answering === step.attempt) answer.answer.replaceChildren();
          this.traceLine(this.describeStep(step, timeoutMs), step.outcome);
        },
      });
      this.showTimeline(steps, timeoutMs);
      const last = steps.at(-1);
      if (last?.outcome === 'answered') answer.status(this.t('router.answeredBy', { target: this.t(`router.target.${last.attempt.target}`), model: last.attempt.model }));
      else if (last?.outcome === 'stopped') answer.status(this.t('chat.stopped'));
      else {
        answer.status(this.t('router.allFailed'));
        showDemoState(this, 'error', this.t);
      }
    } finally {
      answer.end();
    }
  }
}

/** Registers <hybrid-router> once. */
export function defineHybridRouter(): void {
  if (!customElements.get('hybrid-router')) customElements.define('hybrid-router', HybridRouter);
}
