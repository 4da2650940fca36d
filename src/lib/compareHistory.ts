/** Earlier model comparisons, newest last, as kept in the browser: parsed defensively, capped in length. */
import type { StreamMetrics } from './chatStream';

/** One model's stream metrics in a comparison. */
export interface ComparedModel {
  model: string;
  metrics: StreamMetrics;
}

/** One comparison the learner ran: when (ISO time) and each model's metrics. */
export interface ComparisonRun {
  at: string;
  results: ComparedModel[];
}

/** Where the model comparison keeps its runs; the decision matrix reads them. */
export const compareHistoryKey = 'edge-course:compare-history';

/** The event the comparison sends when it saves a run, so that other demos on the page can follow. */
export const compareRunEvent = 'course:compare-run';

/** How many runs the history keeps; older ones are dropped first. */
export const maxRuns = 20;

/** The runs stored in `text`, keeping only well-formed ones; an empty history when `text` is missing or not JSON. */
export function parseHistory(text: string | null): ComparisonRun[] {
  try {
    const data: unknown = JSON.parse(text ?? '[]');
    if (!Array.isArray(data)) return [];
    return data.filter(
      (run): run is ComparisonRun =>
        typeof run === 'object' && run !== null && typeof run.at === 'string' && Array.isArray(run.results) &&
        run.results.every((result: unknown) => typeof result === 'object' && result !== null && typeof (result as ComparedModel).model === 'string' && typeof (result as ComparedModel).metrics?.totalMs === 'number'),
    );
  } catch {
    return [];
  }
}

/** The history with `run` appended, trimmed to the newest `maxRuns`. */
export function addRun(history: readonly ComparisonRun[], run: ComparisonRun): ComparisonRun[] {
  return [...history, run].slice(-maxRuns);
}

/** A completed comparison of two different models: what the checklist's first task asks for. */
export function isCompleteComparison(run: ComparisonRun): boolean {
  return run.results.length >= 2 && new Set(run.results.map((result) => result.model)).size >= 2 && run.results.every((result) => result.metrics.timeToFirstTokenMs !== undefined);
}
