/** Summaries of timing samples: median and 90th percentile (nearest-rank), robust to a few slow runs. */

/** The nearest-rank value below which `fraction` (0–1) of the samples fall; NaN when there are no samples. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** How many samples were taken, and their median and 90th percentile. */
export interface TimingSummary {
  count: number;
  median: number;
  p90: number;
}

/** The count, median and 90th percentile of the samples. */
export function summarize(samples: readonly number[]): TimingSummary {
  return { count: samples.length, median: percentile(samples, 0.5), p90: percentile(samples, 0.9) };
}

/** How the provider benchmark measures: untimed warm-up runs, then timed samples of several runs each
 * (a single run of a tiny model is close to the 0.1 ms resolution of `performance.now()` without isolation). */
export const benchmarkPlan = { warmUpRuns: 5, samples: 30, runsPerSample: 5 } as const;
