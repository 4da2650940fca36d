/** The behaviour of <model-compare>: run two models (one after the other by default), tabulate, chart, tick. */
import { isEmbeddingModel } from '../../lib/embeddingRanking';
import { addRun, compareHistoryKey, compareRunEvent, isCompleteComparison, parseHistory, type ComparedModel, type ComparisonRun } from '../../lib/compareHistory';
import { metricParts } from '../../lib/chatStream';
import { formatMs } from '../../lib/formatting';
import { currentChoice, onChoice, type EndpointChoice } from '../endpoint/endpointStore';
import { failureOf, showDiagnosis } from '../endpoint/diagnosisView';
import { translateFrom, type Translate } from '../../lib/i18n';
import { safeStorage } from '../../lib/safeStorage';
import { part, parts, svgElement, tableRow } from '../dom';
import { markTaskDone } from '../progress/browserProgress';
import { readStrings } from '../strings';
import type { ModelCompareKey } from './chatStrings';
import { highlightCode, renderMarkdown } from './markdownAnswer';
import { streamCompletion } from './streamCompletion';

/** The Session 4 checklist task this demo proves done. */
const compareTaskId = 'compare-slm-llm';

class ModelCompare extends HTMLElement {
  private t: Translate<ModelCompareKey> = translateFrom<ModelCompareKey>({});
  private locale = 'en';

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    for (const control of this.querySelectorAll<HTMLTextAreaElement | HTMLInputElement | HTMLButtonElement>('textarea, input, .demo-start')) control.disabled = false;
    this.fillModels(currentChoice());
    onChoice((choice) => this.fillModels(choice));
    part(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.drawHistory(parseHistory(safeStorage.get(compareHistoryKey)));
  }

  /** Offers the endpoint's models; picks a small loaded one first and a larger loaded one second. */
  private fillModels(choice: EndpointChoice | undefined) {
    const selects = parts<HTMLSelectElement>(this, '.compare-model');
    const models = (choice?.models ?? []).filter((model) => !isEmbeddingModel(model.id));
    const loaded = models.filter((model) => model.loaded !== false).map((model) => model.id);
    for (const [index, select] of selects.entries()) {
      select.disabled = models.length === 0;
      select.replaceChildren(
        ...models.map((model) => {
          const option = document.createElement('option');
          option.value = option.textContent = model.id;
          return option;
        }),
      );
      const pick = index === 0 ? loaded[0] : (loaded.find((id) => /7b|8b|13b|14b/i.test(id)) ?? loaded[1]);
      if (pick) select.value = pick;
    }
  }

  private async run() {
    const status = part(this, '.compare-status');
    const choice = currentChoice();
    const models = parts<HTMLSelectElement>(this, '.compare-model').map((select) => select.value);
    if (!choice || models.some((model) => !model)) {
      status.textContent = this.t('chat.needsModel');
      return;
    }
    if (models[0] === models[1]) {
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
    answers.forEach((answer) => answer.replaceChildren());
    part(this, '.compare-table tbody').replaceChildren();
    const runOne = async (model: string, index: number): Promise<ComparedModel> => {
      const answer = answers[index]!;
      answer.setAttribute('aria-busy', 'true');
      const result = await streamCompletion(choice, model, prompt, new AbortController().signal, (text) => renderMarkdown(answer, text));
      answer.setAttribute('aria-busy', 'false');
      void highlightCode(answer);
      this.addRow({ model, metrics: result.metrics });
      return { model, metrics: result.metrics };
    };
    try {
      const results: ComparedModel[] = [];
      if (parallel) results.push(...(await Promise.all(models.map(runOne))));
      else for (const [index, model] of models.entries()) results.push(await runOne(model, index));
      const run: ComparisonRun = { at: new Date().toISOString(), results };
      const history = addRun(parseHistory(safeStorage.get(compareHistoryKey)), run);
      safeStorage.set(compareHistoryKey, JSON.stringify(history));
      document.dispatchEvent(new CustomEvent(compareRunEvent));
      this.drawHistory(history);
      if (isCompleteComparison(run)) {
        markTaskDone(compareTaskId);
        status.textContent = this.t('compare.done');
      }
      this.dataset['complete'] = 'true';
    } catch (error) {
      showDiagnosis(diagnosis, failureOf(error, choice), choice, this.t);
    } finally {
      button.disabled = false;
    }
  }

  private addRow({ model, metrics }: ComparedModel) {
    const { ttft, rate, total, tokens } = metricParts(metrics, this.locale);
    part(this, '.compare-table tbody').append(tableRow(model, [ttft, rate, total, String(tokens)]));
  }

  /** One row per run: a bar per model for its total time, on a shared scale. */
  private drawHistory(history: ComparisonRun[]) {
    const svg = part<SVGSVGElement>(this, '.compare-chart');
    const longest = Math.max(1, ...history.flatMap((run) => run.results.map((result) => result.metrics.totalMs)));
    const rowHeight = 14;
    const rows = history.reduce((count, run) => count + run.results.length, 0);
    svg.setAttribute('viewBox', `0 0 400 ${Math.max(20, rows * rowHeight + 10)}`);
    let y = 4;
    const nodes: SVGElement[] = [];
    for (const run of history)
      for (const [index, result] of run.results.entries()) {
        const label = `${result.model.slice(0, 24)} ${formatMs(result.metrics.totalMs, this.locale)}`;
        nodes.push(
          svgElement('text', { x: 0, y: y + 9, class: 'chart-label' }, label),
          svgElement('rect', { x: 150, y, height: 10, width: Math.max(2, (result.metrics.totalMs / longest) * 240), class: index === 0 ? 'chart-median' : 'chart-p90' }),
        );
        y += rowHeight;
      }
    svg.replaceChildren(...nodes);
  }
}

/** Registers <model-compare> once. */
export function defineModelCompare(): void {
  if (!customElements.get('model-compare')) customElements.define('model-compare', ModelCompare);
}
