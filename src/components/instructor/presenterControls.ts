/**
 * The behaviour of <presenter-controls>: "Present" opens and closes the presenter panel (and with it the
 * presenter keys), remembered for this tab so a reload stays presenting; the projector link opens a
 * window of its own; a change of part scrolls the lesson to that part's heading, below the panel.
 */
import { safeSessionStorage } from '../../lib/safeStorage';
import { part } from '../dom';
import type { PartChange } from './presenterClock';

const openKey = 'edge-ai-workshop:presenter-open';

class PresenterControls extends HTMLElement {
  connectedCallback() {
    const projectorLink = part<HTMLAnchorElement>(this, 'a.presenter-projector');
    projectorLink.addEventListener('click', (event) => {
      // A window (not a tab) that can be dragged to the projector; if pop-ups are blocked, the link opens it as usual.
      if (window.open(projectorLink.href, projectorLink.target, 'popup,width=1280,height=720')) event.preventDefault();
    });

    const openButton = this.querySelector<HTMLButtonElement>('button.presenter-open');
    if (!openButton) return; // no planned minutes: nothing to present
    const panel = part(this, '.presenter-panel');
    const clock = part(panel, 'presenter-clock');
    const show = (open: boolean) => {
      openButton.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
      this.classList.toggle('is-presenting', open);
      if (open) clock.dataset['keys'] = 'on';
      else delete clock.dataset['keys'];
      if (open) safeSessionStorage.set(openKey, 'yes');
      else safeSessionStorage.remove(openKey);
    };
    openButton.addEventListener('click', () => show(openButton.getAttribute('aria-expanded') !== 'true'));
    show(safeSessionStorage.get(openKey) === 'yes');

    this.addEventListener('partchange', (event) => {
      const heading = document.getElementById((event as PartChange).detail.id);
      if (panel.hidden || !heading) return;
      const top = heading.getBoundingClientRect().top + scrollY - this.getBoundingClientRect().height - 16;
      scrollTo({ top, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    });
  }
}

/** Registers <presenter-controls> once. */
export function definePresenterControls(): void {
  if (!customElements.get('presenter-controls')) customElements.define('presenter-controls', PresenterControls);
}
