/** The behaviour of <decision-matrix>: weights and scenarios in, scores and a reasoned recommendation out. */
import { compareHistoryKey, compareRunEvent, parseHistory } from '../../lib/compareHistory';
import {
  criteria, defaultRatings, deployments, explainRecommendation, measuredLatency, ratingsWithMeasuredLatency, recommend, scenarioOf, scenarios, scoreBars,
  type Ratings, type Scenario, type Weights,
} from '../../lib/deploymentRecommendation';
import { metricParts } from '../../lib/chatStream';
import { translateFrom, type Translate } from '../../lib/i18n';
import { safeStorage } from '../../lib/safeStorage';
import { drawBars } from '../barChartView';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { DecisionMatrixKey } from './deploymentStrings';

class DecisionMatrix extends HTMLElement {
  private t: Translate<DecisionMatrixKey> = translateFrom<DecisionMatrixKey>({});
  private locale = 'en';
  private ratings: Ratings = defaultRatings;

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const scenario = part(this, 'select');
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) control.disabled = false;
    scenario.addEventListener('change', () => {
      if (scenario.value in scenarios) this.setWeights(scenarios[scenario.value as Scenario]);
      this.update();
    });
    for (const slider of this.sliders()) slider.addEventListener('input', () => this.update());
    document.addEventListener(compareRunEvent, () => this.readMeasurements());
    addEventListener('storage', (event) => event.key === compareHistoryKey && this.readMeasurements());
    this.readMeasurements();
  }

  private sliders(): HTMLInputElement[] {
    return criteria.map((criterion) => part<HTMLInputElement>(this, `tr[data-criterion="${criterion}"] input`));
  }

  private weights(): Weights {
    const sliders = this.sliders();
    return Object.fromEntries(criteria.map((criterion, index) => [criterion, Number(sliders[index]!.value)])) as Weights;
  }

  private setWeights(weights: Weights) {
    this.sliders().forEach((slider, index) => (slider.value = String(weights[criteria[index]!])));
  }

  /** Rates local latency from the learner's latest model comparison, when there is one. */
  private readMeasurements() {
    const measured = measuredLatency(parseHistory(safeStorage.get(compareHistoryKey)));
    const note = part(this, '.matrix-measured');
    this.ratings = measured ? ratingsWithMeasuredLatency(measured.rating) : defaultRatings;
    note.textContent = measured
      ? this.t('matrix.measured', { rating: measured.rating, model: measured.model, ...metricParts(measured.metrics, this.locale) })
      : this.t('matrix.notMeasured');
    this.update();
  }

  private update() {
    const weights = this.weights();
    part(this, 'select').value = scenarioOf(weights) ?? 'custom';
    for (const criterion of criteria) {
      const row = part(this, `tr[data-criterion="${criterion}"]`);
      part(row, 'output').textContent = String(weights[criterion]);
      for (const deployment of deployments) part(row, `[data-deployment="${deployment}"]`).textContent = String(this.ratings[deployment][criterion]);
    }
    const recommendation = recommend(weights, this.ratings);
    for (const deployment of deployments) {
      const cell = part<HTMLElement>(this, `.matrix-score[data-deployment="${deployment}"]`);
      cell.textContent = recommendation ? String(recommendation.scores[deployment]) : '—';
      cell.dataset['best'] = String(recommendation?.best === deployment);
    }
    if (recommendation) {
      const { measure, seriesNames } = scoreBars(recommendation.scores, this.t);
      drawBars(part<SVGSVGElement>(this, '.matrix-bars'), [measure], seriesNames);
    }
    const { headline, reasons, closeCall } = explainRecommendation(recommendation, this.t);
    part(this, '.matrix-headline').textContent = headline;
    part(this, '.matrix-reasons').replaceChildren(...reasons.map((reason) => Object.assign(document.createElement('li'), { textContent: reason })));
    const closeCallLine = part<HTMLElement>(this, '.matrix-close-call');
    closeCallLine.textContent = closeCall ?? '';
    closeCallLine.hidden = !closeCall;
  }
}

/** Registers <decision-matrix> once. */
export function defineDecisionMatrix(): void {
  if (!customElements.get('decision-matrix')) customElements.define('decision-matrix', DecisionMatrix);
}
