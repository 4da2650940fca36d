/** Draws the charts lib/chartLayout lays out into an inline <svg>, in the page's reading direction. */
import { barLayout, layOutBars, layOutTimeline, type BarMeasure, type BarScale, type TimelineStep } from '../lib/chartLayout';
import { svgElement } from './dom';

function directionOf(svg: SVGSVGElement): 'ltr' | 'rtl' {
  return getComputedStyle(svg).direction === 'rtl' ? 'rtl' : 'ltr';
}

/** Draws `measures` into `svg` under a legend of `seriesNames` (its label stays the chart's accessible name; the figures are also in a table beside it). */
export function drawBars(svg: SVGSVGElement, measures: readonly BarMeasure[], seriesNames: readonly string[], scale: BarScale = 'per-measure'): void {
  const { legend, groups, height } = layOutBars(measures, directionOf(svg), seriesNames, scale);
  const swatch = barLayout.barHeight - 2;
  svg.setAttribute('viewBox', `0 0 ${barLayout.width} ${height}`);
  svg.replaceChildren(
    ...legend.flatMap((entry) => [
      svgElement('rect', { x: entry.swatchX, y: entry.y + 1, width: swatch, height: swatch, rx: 2, class: `chart-swatch chart-series-${entry.series}` }),
      svgElement('text', { x: entry.textX, y: entry.y + swatch, class: 'chart-label' }, entry.text),
    ]),
    ...groups.flatMap((group) => [
      svgElement('text', { x: group.labelX, y: group.labelY, class: 'chart-heading' }, group.label),
      ...group.bars.flatMap((bar) => [
        svgElement('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 2, class: `chart-series-${bar.series}` }),
        svgElement('text', { x: bar.textX, y: bar.y + bar.height - 2, class: 'chart-label' }, bar.text),
      ]),
    ]),
  );
}

/** Draws `steps` into `svg` as a timeline, each bar coloured by its kind (`chart-kind-<kind>`); the steps are also listed as text beside it. */
export function drawTimeline(svg: SVGSVGElement, steps: readonly TimelineStep[]): void {
  const { rows, height } = layOutTimeline(steps, directionOf(svg));
  svg.setAttribute('viewBox', `0 0 ${barLayout.width} ${height}`);
  svg.replaceChildren(
    ...rows.flatMap((row) => [
      svgElement('text', { x: row.labelX, y: row.labelY, class: 'chart-label' }, row.label),
      svgElement('rect', { x: row.x, y: row.y, width: row.width, height: row.height, rx: 2, class: `chart-kind-${row.kind}` }),
    ]),
  );
}
