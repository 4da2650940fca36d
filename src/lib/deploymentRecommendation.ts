/**
 * The lesson's decision matrix as a calculation: how an SLM on the device, an LLM in the cloud and a
 * hybrid of the two rate on each criterion, the learner's weights, and the weighted recommendation with
 * the criteria that decided it. Latency can be rated from the learner's own model comparison.
 */
import type { BarMeasure } from './chartLayout.ts';
import type { ComparisonRun } from './compareHistory.ts';
import type { StreamMetrics } from './chatStream.ts';
import type { Translate } from './i18n.ts';

/** The criteria the deployments are rated and weighted on, in the order the matrix shows them. */
export const criteria = ['latency', 'cost', 'privacy', 'capability', 'reliability'] as const;
/** One criterion of the matrix. */
export type Criterion = (typeof criteria)[number];

/** The deployments compared: a small model on the device, a large model in the cloud, and a hybrid of the two. */
export const deployments = ['slm-device', 'llm-cloud', 'hybrid'] as const;
/** One deployment of the matrix. */
export type Deployment = (typeof deployments)[number];

/** Each deployment's rating on each criterion, from 1 to `maxRating`. */
export type Ratings = Record<Deployment, Record<Criterion, number>>;
/** How much the learner cares about each criterion, from 0 (not at all) to `maxWeight`. */
export type Weights = Record<Criterion, number>;

/** The highest weight a criterion can be given. */
export const maxWeight = 5;
/** The highest rating a deployment can get on a criterion; scores are shares of it. */
export const maxRating = 5;

/**
 * Ratings from 1 to 5, read from the lesson's table. The hybrid keeps most requests local (latency, privacy),
 * sends hard ones to the cloud (capability), and has two ways to answer (reliability), at some cloud cost.
 */
export const defaultRatings: Ratings = {
  'slm-device': { latency: 4, cost: 4, privacy: 5, capability: 2, reliability: 4 },
  'llm-cloud': { latency: 3, cost: 2, privacy: 2, capability: 5, reliability: 3 },
  hybrid: { latency: 4, cost: 3, privacy: 4, capability: 4, reliability: 5 },
};

/** Preset weights for example situations the learner can start from, e.g. a clinic whose notes must stay private. */
export const scenarios = {
  balanced: { latency: 3, cost: 3, privacy: 3, capability: 3, reliability: 3 },
  'clinic-notes': { latency: 2, cost: 3, privacy: 5, capability: 1, reliability: 3 },
  'research-assistant': { latency: 1, cost: 0, privacy: 0, capability: 5, reliability: 1 },
  'support-chatbot': { latency: 4, cost: 5, privacy: 2, capability: 3, reliability: 3 },
} as const satisfies Record<string, Weights>;
/** The name of a preset scenario. */
export type Scenario = keyof typeof scenarios;

/** A criterion on which the winner rates higher than the runner-up, with the weight that made it count. */
export interface Reason {
  criterion: Criterion;
  weight: number;
  /** The winner's rating and the runner-up's on this criterion. */
  winnerRating: number;
  runnerUpRating: number;
}

/** The outcome of the matrix: the best deployment, the runner-up, every score, and why the best won. */
export interface Recommendation {
  best: Deployment;
  runnerUp: Deployment;
  /** Each deployment's weighted score as a share of the best possible, 0–100. */
  scores: Record<Deployment, number>;
  /** The criteria on which the winner beats the runner-up, the heaviest first. */
  reasons: Reason[];
}

/** The weighted recommendation, or undefined when every weight is zero. */
export function recommend(weights: Weights, ratings: Ratings = defaultRatings): Recommendation | undefined {
  const totalWeight = criteria.reduce((sum, criterion) => sum + weights[criterion], 0);
  if (totalWeight <= 0) return undefined;
  const scores = Object.fromEntries(
    deployments.map((deployment) => [
      deployment,
      Math.round((100 * criteria.reduce((sum, criterion) => sum + weights[criterion] * ratings[deployment][criterion], 0)) / (totalWeight * maxRating)),
    ]),
  ) as Record<Deployment, number>;
  const [best, runnerUp] = [...deployments].sort((a, b) => scores[b] - scores[a]) as [Deployment, Deployment, Deployment];
  const reasons = criteria
    .map((criterion) => ({ criterion, weight: weights[criterion], winnerRating: ratings[best][criterion], runnerUpRating: ratings[runnerUp][criterion] }))
    .filter((reason) => reason.weight > 0 && reason.winnerRating > reason.runnerUpRating)
    .sort((a, b) => b.weight * (b.winnerRating - b.runnerUpRating) - a.weight * (a.winnerRating - a.runnerUpRating));
  return { best, runnerUp, scores, reasons };
}

/** Which preset scenario a set of weights is, if any. */
export function scenarioOf(weights: Weights): Scenario | undefined {
  return (Object.keys(scenarios) as Scenario[]).find((name) => criteria.every((criterion) => scenarios[name][criterion] === weights[criterion]));
}

/** The fastest model of the learner's latest comparison, its metrics, and the latency rating (1–5) they earn. */
export interface MeasuredLatency {
  model: string;
  metrics: StreamMetrics;
  rating: number;
}

/** How fast a local model feels, 1–5: a reader reads about 5–10 tokens/s, so 30 tokens/s with a quick first token is best. */
export function latencyRating(metrics: StreamMetrics): number {
  const rate = metrics.tokensPerSecond ?? 0;
  const firstToken = metrics.timeToFirstTokenMs ?? Infinity;
  if (rate >= 30 && firstToken < 500) return 5;
  if (rate >= 15 && firstToken < 1500) return 4;
  if (rate >= 8) return 3;
  if (rate >= 4) return 2;
  return 1;
}

/** The learner's fastest model in their latest comparison, rated: the SLM's (and the hybrid's) latency. */
export function measuredLatency(history: readonly ComparisonRun[]): MeasuredLatency | undefined {
  const latest = history.at(-1);
  const fastest = latest?.results
    .filter((result) => result.metrics.timeToFirstTokenMs !== undefined)
    .sort((a, b) => a.metrics.totalMs - b.metrics.totalMs)[0];
  return fastest ? { model: fastest.model, metrics: fastest.metrics, rating: latencyRating(fastest.metrics) } : undefined;
}

/** The default ratings with the local latency replaced by a measured rating. */
export function ratingsWithMeasuredLatency(rating: number): Ratings {
  return {
    ...defaultRatings,
    'slm-device': { ...defaultRatings['slm-device'], latency: rating },
    hybrid: { ...defaultRatings.hybrid, latency: rating },
  };
}

/** Scores within this many points are a close call: a small change of weights would flip them. */
const closeCallPoints = 3;

/** The dictionary keys an explanation is worded with. */
export type ExplanationKey = 'matrix.noWeights' | 'matrix.recommendation' | 'matrix.reason' | 'matrix.closeCall' | `matrix.option.${Deployment}` | `matrix.criterion.${Criterion}`;

/** A recommendation in words. */
export interface Explanation {
  headline: string;
  reasons: string[];
  closeCall: string | undefined;
}

/** Each option's weighted score as a bar chart: one measure, and the options' names for its legend. */
export function scoreBars(scores: Record<Deployment, number>, t: Translate<'matrix.score' | `matrix.option.${Deployment}`>): { measure: BarMeasure; seriesNames: string[] } {
  return {
    measure: { label: t('matrix.score'), values: deployments.map((deployment) => scores[deployment]), format: String },
    seriesNames: deployments.map((deployment) => t(`matrix.option.${deployment}`)),
  };
}

/** The recommendation in words: what wins, by how much, and on which criteria. */
export function explainRecommendation(recommendation: Recommendation | undefined, t: Translate<ExplanationKey>): Explanation {
  if (!recommendation) return { headline: t('matrix.noWeights'), reasons: [], closeCall: undefined };
  const { best, runnerUp, scores, reasons } = recommendation;
  const option = (deployment: Deployment) => t(`matrix.option.${deployment}`);
  return {
    headline: t('matrix.recommendation', { option: option(best), score: scores[best], runnerUp: option(runnerUp), runnerUpScore: scores[runnerUp] }),
    reasons: reasons.map((reason) =>
      t('matrix.reason', { criterion: t(`matrix.criterion.${reason.criterion}`), weight: reason.weight, option: option(best), rating: reason.winnerRating, runnerUp: option(runnerUp), runnerUpRating: reason.runnerUpRating }),
    ),
    closeCall: scores[best] - scores[runnerUp] < closeCallPoints ? t('matrix.closeCall', { option: option(best), runnerUp: option(runnerUp) }) : undefined,
  };
}
