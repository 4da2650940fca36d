/**
 * The behaviour of <presenter-clock>: shows the lesson's shared clock (see presenterStore.ts), computed
 * afresh from its timestamps a few times a second, so every window shows the same time; buttons and the
 * presenter keys change it. The projector's clock always listens to the keys; the instructor view's only
 * while its presenter panel is open (`data-keys`). A change of part is announced with a `partchange` event.
 */
import {
  applyPresenterAction, clockReadout, initialPresenterState, presenterKeyAction, presenterView, type PresenterAction,
} from '../../lib/presenterTimer';
import type { PlannedPart } from '../../lib/lessonParts';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { PresenterClockKey } from './instructorStrings';
import { presenterStore } from './presenterStore';

/** Often enough that a second never lags visibly, rarely enough to cost nothing. */
const tickMs = 250;

/** The `partchange` event's detail: the part now on. */
export type PartChange = CustomEvent<PlannedPart>;

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

function activatesOnSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('button, a[href], summary, [role="button"]');
}

function setText(element: HTMLElement, text: string): void {
  // Only real changes: the part line and the status line are live regions.
  if (element.textContent !== text) element.textContent = text;
}

class PresenterClock extends HTMLElement {
  connectedCallback() {
    const t = readStrings<PresenterClockKey>(this);
    const parts = JSON.parse(this.dataset['parts'] ?? '[]') as PlannedPart[];
    const locale = this.dataset['locale'] ?? 'en';
    const direction = this.dataset['direction'] === 'rtl' ? 'rtl' : 'ltr';
    const store = presenterStore(this.dataset['lesson'] ?? '', parts.length);
    const act = (action: PresenterAction) => store.change((state, now) => applyPresenterAction(state, action, now));

    const fields = {
      position: part(this, '.clock-position'),
      heading: part(this, '.clock-heading'),
      elapsed: part(this, '.clock-elapsed'),
      leftLabel: part(this, '.clock-left-label'),
      left: part(this, '.clock-left-time'),
      overrun: part(this, '.clock-overrun'),
      session: part(this, '.clock-session'),
    };
    const buttons = {
      previous: part<HTMLButtonElement>(this, 'button.clock-previous'),
      toggle: part<HTMLButtonElement>(this, 'button.clock-toggle'),
      next: part<HTMLButtonElement>(this, 'button.clock-next'),
      reset: part<HTMLButtonElement>(this, 'button.clock-reset'),
    };
    let shownPart = -1;

    const render = () => {
      const state = store.read();
      const view = presenterView(state, parts, Date.now());
      const readout = clockReadout(view, t, locale);
      for (const name of ['position', 'heading', 'elapsed', 'leftLabel', 'left', 'overrun', 'session'] as const) setText(fields[name], readout[name]);
      this.classList.toggle('is-over', readout.isOver);
      this.classList.toggle('is-running', view.running);
      setText(buttons.toggle, t(view.running ? 'instructor.pause' : 'instructor.start'));
      buttons.previous.disabled = view.isFirst;
      buttons.next.disabled = view.isLast;
      buttons.reset.disabled = view.running || view.sessionElapsedMs === 0;
      if (view.part && view.partIndex !== shownPart) {
        const isFirstRender = shownPart < 0;
        shownPart = view.partIndex;
        if (!isFirstRender) this.dispatchEvent(new CustomEvent('partchange', { detail: view.part, bubbles: true }));
      }
    };

    buttons.previous.addEventListener('click', () => act('previous'));
    buttons.toggle.addEventListener('click', () => act('toggle'));
    buttons.next.addEventListener('click', () => act('next'));
    buttons.reset.addEventListener('click', () => store.change(() => initialPresenterState(parts.length)));
    document.addEventListener('keydown', (event) => {
      if (this.dataset['mode'] !== 'projector' && this.dataset['keys'] !== 'on') return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const action = presenterKeyAction(event.key, direction);
      if (!action || isTextEntry(event.target) || (action === 'toggle' && activatesOnSpace(event.target))) return;
      event.preventDefault();
      act(action);
    });
    store.subscribe(render);
    render();
    setInterval(render, tickMs);
  }
}

/** Registers <presenter-clock> once. */
export function definePresenterClock(): void {
  if (!customElements.get('presenter-clock')) customElements.define('presenter-clock', PresenterClock);
}
