import { describe, expect, it } from 'vitest';
import { barLayout, layOutBars, layOutTimeline, type BarMeasure } from '../../src/lib/chartLayout';

const seconds = (value: number) => `${value} s`;
const measures: BarMeasure[] = [
  { label: 'First token', values: [0.5, 2], format: seconds },
  { label: 'Tokens/s', values: [40, undefined], format: String },
];
const longest = barLayout.width - barLayout.valueRoom;

describe('bar chart layout', () => {
  it('scales each measure on its own, the largest value filling the room left for its text', () => {
    const { groups } = layOutBars(measures, 'ltr');
    expect(groups.map((group) => group.bars.map((bar) => bar.width))).toEqual([[longest / 4, longest], [longest]]);
    expect(groups[0]!.bars.map((bar) => bar.text)).toEqual(['0.5 s', '2 s']);
  });

  it('puts every bar on one scale when asked, so runs of the same measure compare', () => {
    const runs: BarMeasure[] = [
      { label: 'Run 1', values: [1, 2], format: seconds },
      { label: 'Run 2', values: [4], format: seconds },
    ];
    const { groups } = layOutBars(runs, 'ltr', [], 'shared');
    expect(groups.map((group) => group.bars.map((bar) => bar.width))).toEqual([[longest / 4, longest / 2], [longest]]);
  });

  it('leaves out a series without a value but keeps its row, so series line up across measures', () => {
    const { groups } = layOutBars(measures, 'ltr');
    expect(groups[1]!.bars.map((bar) => bar.series)).toEqual([0]);
    const rowOf = (group: number, series: number) => groups[group]!.bars.find((bar) => bar.series === series)!.y - groups[group]!.labelY;
    expect(rowOf(1, 0)).toBe(rowOf(0, 0));
  });

  it('grows bars from the right, with text before them, when the language reads right to left', () => {
    const { groups } = layOutBars(measures, 'rtl');
    const [small, large] = groups[0]!.bars;
    expect(large!.x).toBe(barLayout.width - longest);
    expect(small!.x + small!.width).toBe(barLayout.width);
    expect(small!.textX).toBeLessThan(small!.x); // the text starts (its right edge, right to left) just before the bar
    expect(groups[0]!.labelX).toBe(barLayout.width);
  });

  it('names the series in a legend above the bars, swatches at the start edge', () => {
    const { legend, groups } = layOutBars(measures, 'ltr', ['small', 'large']);
    expect(legend.map((entry) => [entry.text, entry.swatchX])).toEqual([['small', 0], ['large', 0]]);
    expect(groups[0]!.labelY).toBeGreaterThan(legend[1]!.y);
    const rtl = layOutBars(measures, 'rtl', ['small']).legend[0]!;
    expect(rtl.swatchX + barLayout.barHeight - 2).toBe(barLayout.width);
    expect(rtl.textX).toBeLessThan(rtl.swatchX);
  });

  it('gives a zero or all-zero measure a visible sliver, and an empty chart some height', () => {
    const { groups } = layOutBars([{ label: 'Total', values: [0, 0], format: seconds }], 'ltr');
    expect(groups[0]!.bars.map((bar) => bar.width)).toEqual([barLayout.minBar, barLayout.minBar]);
    expect(layOutBars([], 'ltr').height).toBeGreaterThan(0);
  });
});

describe('timeline layout', () => {
  const steps = [
    { ms: 3000, label: 'local: no first token', kind: 'timeout' },
    { ms: 1000, label: 'cloud: answered', kind: 'answered' },
  ];

  it('puts each step after the one before, on a shared axis as wide as the chart', () => {
    const { rows } = layOutTimeline(steps, 'ltr');
    expect(rows.map((row) => [row.x, row.width])).toEqual([[0, 300], [300, 100]]);
    expect(rows[1]!.y).toBeGreaterThan(rows[0]!.y);
    expect(rows.map((row) => row.kind)).toEqual(['timeout', 'answered']);
  });

  it('runs from the right edge when the language reads right to left', () => {
    const { rows } = layOutTimeline(steps, 'rtl');
    expect(rows.map((row) => [row.x, row.width])).toEqual([[100, 300], [0, 100]]);
    expect(rows[0]!.labelX).toBe(barLayout.width);
  });

  it('gives an instant step a sliver and never draws past the chart', () => {
    const { rows } = layOutTimeline([{ ms: 0, label: 'refused', kind: 'failed' }, { ms: 500, label: 'answered', kind: 'answered' }], 'ltr');
    expect(rows[0]!.width).toBe(barLayout.minBar);
    expect(rows[1]!.x + rows[1]!.width).toBeLessThanOrEqual(barLayout.width);
  });
});

describe('timeline layout at its end', () => {
  it('keeps an instant last step visible at the end of the axis', () => {
    const { rows } = layOutTimeline([{ ms: 900, label: 'failed', kind: 'failed' }, { ms: 0, label: 'stopped', kind: 'stopped' }], 'ltr');
    expect(rows[1]!.width).toBe(barLayout.minBar);
    expect(rows[1]!.x + rows[1]!.width).toBe(barLayout.width);
  });
});
