/**
 * The geometry of the course's small charts (inline SVG): bar charts (one group per measure, one bar per
 * series, each measure on its own scale or all on one) and timelines (steps one after another on a time axis), both from
 * the reading direction's start edge. Pure, so the layout is unit-tested and the components only draw it.
 */

/** One measure to draw: its name and one value per series (undefined when the series has none). */
export interface BarMeasure {
  label: string;
  values: readonly (number | undefined)[];
  /** The value as the reader sees it (localized, with its unit). */
  format: (value: number) => string;
}

/** One drawn bar, in SVG user units. */
export interface Bar {
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value's text starts, just past the bar's end. Texts start at their x in the reading direction (SVG's default anchor, which is the right edge in a right-to-left chart). */
  textX: number;
  text: string;
}

/** One legend line: a swatch in the series' colour, then its name. */
export interface LegendEntry {
  series: number;
  text: string;
  swatchX: number;
  textX: number;
  y: number;
}

/** One measure's group: its heading's position, then its bars. */
export interface BarGroup {
  label: string;
  labelX: number;
  labelY: number;
  bars: Bar[];
}

/** Sizes of a chart, in SVG user units. */
export const barLayout = { width: 400, barHeight: 12, barGap: 4, groupGap: 10, labelHeight: 14, valueRoom: 100, minBar: 2 } as const;

/** How bars are scaled: each measure on its own (timings and rates side by side), or every bar on one scale (the same measure over runs). */
export type BarScale = 'per-measure' | 'shared';

/** Lays out `measures` for a chart read left to right (`ltr`) or right to left, under a legend naming each series; returns the legend, the groups and the chart's height. */
export function layOutBars(measures: readonly BarMeasure[], direction: 'ltr' | 'rtl', seriesNames: readonly string[] = [], scale: BarScale = 'per-measure'): { legend: LegendEntry[]; groups: BarGroup[]; height: number } {
  const { width, barHeight, barGap, groupGap, labelHeight, valueRoom, minBar } = barLayout;
  const longest = width - valueRoom;
  const rtl = direction === 'rtl';
  const swatch = barHeight - 2;
  const legend = seriesNames.map((text, series) => ({
    series,
    text,
    swatchX: rtl ? width - swatch : 0,
    textX: rtl ? width - swatch - 4 : swatch + 4,
    y: series * labelHeight,
  }));
  let y = legend.length > 0 ? legend.length * labelHeight + groupGap : 0;
  const largestOf = (values: readonly (number | undefined)[]) => Math.max(0, ...values.map((value) => value ?? 0));
  const largestOfAll = largestOf(measures.flatMap((measure) => measure.values));
  const groups = measures.map((measure) => {
    const largest = scale === 'shared' ? largestOfAll : largestOf(measure.values);
    const labelY = y + labelHeight - 3;
    y += labelHeight;
    const bars: Bar[] = [];
    measure.values.forEach((value, series) => {
      if (value !== undefined) {
        const length = largest > 0 ? Math.max(minBar, (value / largest) * longest) : minBar;
        bars.push({
          series,
          x: rtl ? width - length : 0,
          y,
          width: length,
          height: barHeight,
          textX: rtl ? width - length - 4 : length + 4,
          text: measure.format(value),
        });
      }
      y += barHeight + barGap;
    });
    y += groupGap;
    return { label: measure.label, labelX: rtl ? width : 0, labelY, bars };
  });
  return { legend, groups, height: Math.max(1, y - groupGap - barGap) };
}

/** One step of a timeline: how long it took, what to write over it, and a kind for its colour. */
export interface TimelineStep {
  ms: number;
  label: string;
  kind: string;
}

/** One drawn step: its words on a line of their own, its bar below them, starting where the step before ended. */
export interface TimelineRow extends TimelineStep {
  labelX: number;
  labelY: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lays out `steps` one after another on a shared time axis (a Gantt row each), from the reading direction's start edge. */
export function layOutTimeline(steps: readonly TimelineStep[], direction: 'ltr' | 'rtl'): { rows: TimelineRow[]; height: number } {
  const { width, barHeight, barGap, labelHeight, minBar } = barLayout;
  const totalMs = steps.reduce((sum, step) => sum + Math.max(0, step.ms), 0);
  const scale = totalMs > 0 ? width / totalMs : 0;
  const rtl = direction === 'rtl';
  let startMs = 0;
  let y = 0;
  const rows = steps.map((step) => {
    const from = Math.min(startMs * scale, width - minBar);
    const length = Math.min(width - from, Math.max(minBar, Math.max(0, step.ms) * scale));
    startMs += Math.max(0, step.ms);
    const row: TimelineRow = {
      ...step,
      labelX: rtl ? width : 0,
      labelY: y + labelHeight - 3,
      x: rtl ? width - from - length : from,
      y: y + labelHeight,
      width: length,
      height: barHeight,
    };
    y += labelHeight + barHeight + barGap;
    return row;
  });
  return { rows, height: Math.max(1, y - barGap) };
}
