/** Keeps a demo card's status chip current (the chip is DemoHeader.astro's). */
import { demoStateKey, type DemoState, type DemoStateKey } from '../lib/demoState';
import type { Translate } from '../lib/i18n';

/** Shows `state` on the card around `element`: its chip's words and colour, and the card's `data-state` for styles and tests. */
export function showDemoState(element: Element, state: DemoState, t: Translate<DemoStateKey>): void {
  const card = element.closest<HTMLElement>('.demo');
  const chip = card?.querySelector<HTMLElement>(':scope > .demo-header > .status-chip');
  if (!card || !chip) return;
  card.dataset['state'] = state;
  chip.dataset['state'] = state;
  chip.textContent = t(demoStateKey(state));
}
