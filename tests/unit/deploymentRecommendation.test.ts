import { describe, expect, it } from 'vitest';
import { defaultRatings, latencyRating, measuredLatency, ratingsWithMeasuredLatency, recommend, scenarioOf, scenarios } from '../../src/lib/deploymentRecommendation';

const metrics = (timeToFirstTokenMs: number | undefined, tokensPerSecond: number | undefined, totalMs = 1000) => ({ timeToFirstTokenMs, tokensPerSecond, totalMs, tokens: 40 });

describe('recommend', () => {
  it('recommends what each preset scenario calls for', () => {
    expect(recommend(scenarios['clinic-notes'])?.best).toBe('slm-device');
    expect(recommend(scenarios['research-assistant'])?.best).toBe('llm-cloud');
    expect(recommend(scenarios['support-chatbot'])?.best).toBe('hybrid');
  });

  it('changes its recommendation when a weight changes', () => {
    const privacyFirst = { latency: 1, cost: 1, privacy: 5, capability: 1, reliability: 1 };
    expect(recommend(privacyFirst)?.best).toBe('slm-device');
    expect(recommend({ ...privacyFirst, privacy: 0, capability: 5 })?.best).toBe('llm-cloud');
  });

  it('scores each option as a share of the best possible, and gives the deciding criteria heaviest first', () => {
    const result = recommend({ latency: 0, cost: 0, privacy: 5, capability: 1, reliability: 0 })!;
    expect(result.scores['slm-device']).toBe(Math.round((100 * (5 * 5 + 1 * 2)) / (6 * 5)));
    expect(result.best).toBe('slm-device');
    expect(result.runnerUp).toBe('hybrid');
    expect(result.reasons).toEqual([{ criterion: 'privacy', weight: 5, winnerRating: 5, runnerUpRating: 4 }]);
  });

  it('recommends nothing when nothing matters', () => {
    expect(recommend({ latency: 0, cost: 0, privacy: 0, capability: 0, reliability: 0 })).toBeUndefined();
  });

  it('knows a preset by its weights', () => {
    expect(scenarioOf({ ...scenarios.balanced })).toBe('balanced');
    expect(scenarioOf({ ...scenarios.balanced, cost: 4 })).toBeUndefined();
  });
});

describe('measured latency', () => {
  it('rates a fast local model high and a slow one low', () => {
    expect(latencyRating(metrics(40, 120))).toBe(5);
    expect(latencyRating(metrics(900, 20))).toBe(4);
    expect(latencyRating(metrics(2000, 10))).toBe(3);
    expect(latencyRating(metrics(3000, 5))).toBe(2);
    expect(latencyRating(metrics(undefined, undefined))).toBe(1);
  });

  it('takes the fastest model of the latest comparison', () => {
    const history = [
      { at: '2026-11-01', results: [{ model: 'old', metrics: metrics(10, 200, 100) }] },
      { at: '2026-11-02', results: [{ model: 'big-7b', metrics: metrics(350, 14, 3000) }, { model: 'small-0.5b', metrics: metrics(40, 120, 400) }] },
    ];
    expect(measuredLatency(history)).toMatchObject({ model: 'small-0.5b', rating: 5 });
    expect(measuredLatency([])).toBeUndefined();
  });

  it('puts the measured rating on the local and hybrid options only', () => {
    const ratings = ratingsWithMeasuredLatency(1);
    expect(ratings['slm-device'].latency).toBe(1);
    expect(ratings.hybrid.latency).toBe(1);
    expect(ratings['llm-cloud']).toEqual(defaultRatings['llm-cloud']);
    expect(ratings['slm-device'].privacy).toBe(defaultRatings['slm-device'].privacy);
  });
});
