/** Draws the charts lib/chartLayout lays out into an inline <svg>, in the page's reading direction. */
import { barLayout, layOutBars, layOutTimeline, type BarMeasure, type TimelineStep } from '../lib/chartLayout';
import { svgElement } from './dom';

function directionOf(svg: SVGSVGElement): 'ltr' | 'rtl' {
  return getComputedStyle(svg).direction === 'rtl' ? 'rtl' : 'ltr';
}

/** Draws `measures` into `svg` (its label stays the chart's accessible name; the figures are also in a table beside it). */
export function drawBars(svg: SVGSVGElement, measures: readonly BarMeasure[]): void {
  const { groups, height } = layOutBars(measures, directionOf(svg));
  svg.setAttribute('viewBox', `0 0 ${barLayout.width} ${height}`);
  svg.replaceChildren(
    ...groups.flatMap((group) => [
      svgElement('text', { x: group.labelX, y: group.labelY, 'text-anchor': group.labelAnchor, class: 'chart-heading' }, group.label),
      ...group.bars.flatMap((bar) => [
        svgElement('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 2, class: `chart-series-${bar.series}` }),
        svgElement('text', { x: bar.textX, y: bar.y + bar.height - 2, 'text-anchor': bar.textAnchor, class: 'chart-label' }, bar.text),
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
      svgElement('text', { x: row.labelX, y: row.labelY, 'text-anchor': row.labelAnchor, class: 'chart-label' }, row.label),
      svgElement('rect', { x: row.x, y: row.y, width: row.width, height: row.height, rx: 2, class: `chart-kind-${row.kind}` }),
    ]),
  );
}
