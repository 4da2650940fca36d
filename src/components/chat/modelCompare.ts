/** The behaviour of <model-compare>: run two models (one after the other by default), tabulate, chart, tick. */
import { isEmbeddingModel } from '../../lib/embeddingRanking';
import { addRun, compareHistoryKey, compareRunEvent, isCompleteComparison, parseHistory, type ComparedModel, type ComparisonRun } from '../../lib/compareHistory';
import { metricParts } from '../../lib/chatStream';
import { formatMs, formatNumber, shortened } from '../../lib/formatting';
import { inBrowserChoice, onInBrowserModel } from '../endpoint/browserEndpoint';
import { currentChoice, onChoice, type EndpointChoice } from '../endpoint/endpointStore';
import { failureOf, showDiagnosis } from '../endpoint/diagnosisView';
import { translateFrom, type Translate } from '../../lib/i18n';
import { safeStorage } from '../../lib/safeStorage';
import { part, parts, tableRow } from '../dom';
import { markTaskDone } from '../progress/browserProgress';
import { readStrings } from '../strings';
import { drawBars } from '../barChartView';
import { showDemoState } from '../demoStatus';
import { followModelServer, noModelsOption } from './modelServerState';
import type { ModelCompareKey } from './chatStrings';
import { loadAnswerRendering } from './answerRendering';
import { answerEndedEvent } from './streamedAnswer';
import { streamCompletion } from './streamCompletion';

/** The Session 4 checklist task this demo proves done. */
const compareTaskId = 'compare-slm-llm';

class ModelCompare extends HTMLElement {
  private t: Translate<ModelCompareKey> = translateFrom<ModelCompareKey>({});
  private locale = 'en';

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    for (const control of this.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')) control.disabled = false;
    this.fillModels();
    onChoice(() => this.fillModels());
    onInBrowserModel(() => this.fillModels());
    // Two models to compare, or Compare waits with its reason beside it.
    followModelServer(this, this.t, () => [...part<HTMLSelectElement>(this, '.compare-model').options].filter((option) => option.value).length >= 2);
    part(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.drawHistory(parseHistory(safeStorage.get(compareHistoryKey)));
  }

  /** Where the models come from: the endpoint panel's choice and, when one is loaded, the model in this tab. */
  private sources(): EndpointChoice[] {
    const panel = currentChoice();
    const tab = inBrowserChoice();
    return [...(panel && panel.kind !== 'browser' ? [panel] : []), ...(tab ? [tab] : [])];
  }

  /** Offers every source's chat models, grouped by source; picks the tab's model or a small one first and a larger one second. */
  private fillModels() {
    const selects = parts<HTMLSelectElement>(this, '.compare-model');
    const sources = this.sources();
    const offered = sources.flatMap((source, index) =>
      source.models.filter((model) => !isEmbeddingModel(model.id)).map((model) => ({ sourceIndex: index, id: model.id, loaded: model.loaded !== false, source })),
    );
    const loaded = offered.filter((model) => model.loaded);
    const inTab = loaded.find((model) => model.source.kind === 'browser');
    const onServer = loaded.filter((model) => model.source.kind !== 'browser');
    const first = inTab ?? onServer[0];
    const second = onServer.find((model) => model !== first && /7b|8b|13b|14b/i.test(model.id)) ?? onServer.find((model) => model !== first);
    for (const [index, select] of selects.entries()) {
      select.disabled = offered.length === 0;
      if (offered.length === 0) select.replaceChildren(noModelsOption(this.t));
      else select.replaceChildren(
        ...sources.map((source) => {
          const group = document.createElement('optgroup');
          group.label = source.kind === 'browser' ? this.t('kind.browser') : source.baseUrl;
          group.append(
            ...offered
              .filter((model) => model.source === source)
              .map((model) => {
                const option = Object.assign(document.createElement('option'), { value: model.id, textContent: model.id });
                option.dataset['source'] = String(model.sourceIndex);
                return option;
              }),
          );
          return group;
        }),
      );
      const pick = index === 0 ? first : second;
      const option = [...select.options].find((candidate) => candidate.value === pick?.id && candidate.dataset['source'] === String(pick?.sourceIndex));
      if (option) option.selected = true;
    }
  }

  /** The source and model a select has chosen (its option carries the source's index). */
  private picked(select: HTMLSelectElement): { choice: EndpointChoice; model: string } | undefined {
    const option = select.selectedOptions[0];
    const choice = option && this.sources()[Number(option.dataset['source'])];
    return choice && option.value ? { choice, model: option.value } : undefined;
  }

  private async run() {
    const status = part(this, '.compare-status');
    const targets = parts<HTMLSelectElement>(this, '.compare-model').map((select) => this.picked(select));
    if (targets.some((target) => !target)) {
      status.textContent = this.t('chat.needsModel');
      return;
    }
    if (targets[0]!.choice === targets[1]!.choice && targets[0]!.model === targets[1]!.model) {
      status.textContent = this.t('compare.sameModel');
      return;
    }
    const prompt = part(this, 'textarea').value;
    const answers = parts<HTMLElement>(this, '.compare-answers .chat-answer');
    const button = part<HTMLButtonElement>(this, '.demo-start');
    const parallel = part<HTMLInputElement>(this, '.compare-parallel').checked;
    const diagnosis = part<HTMLElement>(this, '.diagnosis');
    button.disabled = true;
    status.textContent = '';
    showDiagnosis(diagnosis, undefined, undefined, this.t);
    showDemoState(this, 'running', this.t);
    part(this, '.compare-results').hidden = false;
    answers.forEach((answer) => answer.replaceChildren());
    part(this, '.compare-table tbody').replaceChildren();
    part(this, '.compare-bars').replaceChildren();
    let failed: EndpointChoice | undefined;
    const runOne = async (target: { choice: EndpointChoice; model: string } | undefined, index: number): Promise<ComparedModel> => {
      const { renderMarkdown, highlightCode } = await loadAnswerRendering();
      const { choice, model } = target!;
      const answer = answers[index]!;
      answer.setAttribute('aria-busy', 'true');
      const result = await streamCompletion(choice, model, prompt, new AbortController().signal, (text) => renderMarkdown(answer, text)).catch((error: unknown) => {
        failed ??= choice; // the first to fail is the one Promise.all reports
        throw error;
      });
      answer.setAttribute('aria-busy', 'false');
      void highlightCode(answer);
      this.addRow({ model, metrics: result.metrics });
      return { model, metrics: result.metrics };
    };
    try {
      const results: ComparedModel[] = [];
      if (parallel) results.push(...(await Promise.all(targets.map(runOne))));
      else for (const [index, target] of targets.entries()) results.push(await runOne(target, index));
      const run: ComparisonRun = { at: new Date().toISOString(), results };
      const history = addRun(parseHistory(safeStorage.get(compareHistoryKey)), run);
      safeStorage.set(compareHistoryKey, JSON.stringify(history));
      document.dispatchEvent(new CustomEvent(compareRunEvent));
      this.drawHistory(history);
      this.drawBars(results);
      showDemoState(this, 'done', this.t);
      if (isCompleteComparison(run)) {
        markTaskDone(compareTaskId);
        status.textContent = this.t('compare.done');
      }
      this.dataset['complete'] = 'true';
    } catch (error) {
      showDiagnosis(diagnosis, failureOf(error, failed), failed, this.t);
      showDemoState(this, 'error', this.t);
    } finally {
      button.disabled = false;
      this.dispatchEvent(new Event(answerEndedEvent));
    }
  }

  /** This run's timings as bars, one group per measure, one bar per model (named in the legend). */
  private drawBars(results: readonly ComparedModel[]) {
    const inMs = (value: number) => formatMs(value, this.locale);
    drawBars(
      part<SVGSVGElement>(this, '.compare-bars'),
      [
        { label: this.t('compare.ttft'), values: results.map((result) => result.metrics.timeToFirstTokenMs), format: inMs },
        { label: this.t('compare.rate'), values: results.map((result) => result.metrics.tokensPerSecond), format: (value) => formatNumber(value, this.locale) },
        { label: this.t('compare.total'), values: results.map((result) => result.metrics.totalMs), format: inMs },
      ],
      results.map((result) => result.model),
    );
  }

  private addRow({ model, metrics }: ComparedModel) {
    const { ttft, rate, total, tokens } = metricParts(metrics, this.locale);
    part(this, '.compare-table tbody').append(tableRow(model, [ttft, rate, total, String(tokens)]));
  }

  /** One group per run, headed by its models; a bar per model for its total time, every bar on one scale. */
  private drawHistory(history: ComparisonRun[]) {
    const inMs = (value: number) => formatMs(value, this.locale);
    drawBars(
      part<SVGSVGElement>(this, '.compare-chart'),
      history.map((run) => ({
        label: run.results.map((result) => shortened(result.model, 24)).join(' · '),
        values: run.results.map((result) => result.metrics.totalMs),
        format: inMs,
      })),
      [],
      'shared',
    );
  }
}

/** Registers <model-compare> once. */
export function defineModelCompare(): void {
  if (!customElements.get('model-compare')) customElements.define('model-compare', ModelCompare);
}
