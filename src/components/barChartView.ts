/** Draws a bar chart laid out by lib/barChart into an inline <svg>, in the page's reading direction. */
import { layOutBars, barLayout, type BarMeasure } from '../lib/barChart';
import { svgElement } from './dom';

/** Draws `measures` into `svg` (its label stays the chart's accessible name; the figures are also in a table beside it). */
export function drawBars(svg: SVGSVGElement, measures: readonly BarMeasure[]): void {
  const direction = getComputedStyle(svg).direction === 'rtl' ? 'rtl' : 'ltr';
  const { groups, height } = layOutBars(measures, direction);
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
