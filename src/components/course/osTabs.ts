/**
 * The behaviour of <os-tabs>: arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic
 * activation); choosing a shell shows it in every group on the page, in other open tabs, and on later visits.
 */
import { isShell, preferenceKeys, shellToShow, type Shell } from '../../lib/preferences';
import { safeStorage } from '../../lib/safeStorage';
import { readerShell } from '../readerPlatform';

class OsTabs extends HTMLElement {
  get tabs(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>(':scope > [role=tablist] > [role=tab]')];
  }

  connectedCallback() {
    this.show(readerShell());
    this.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role=tab]');
      if (tab) choose(tab.dataset['shell']);
    });
    this.addEventListener('keydown', (event) => this.onKeydown(event));
  }

  /** Selects the panel for `shell`, or the first one when this group has no such shell. */
  show(shell: Shell) {
    const available = this.tabs.map((tab) => tab.dataset['shell']).filter(isShell);
    const selected = shellToShow(shell, available);
    for (const tab of this.tabs) {
      const isSelected = tab.dataset['shell'] === selected;
      tab.setAttribute('aria-selected', String(isSelected));
      tab.tabIndex = isSelected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !isSelected;
    }
  }

  private onKeydown(event: KeyboardEvent) {
    const tabs = this.tabs;
    const current = tabs.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | undefined;
    if (event.key in step) next = (current + step[event.key]! + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    choose(tabs[next]!.dataset['shell']);
    tabs[next]!.focus();
  }
}

function showEverywhere(shell: Shell) {
  document.documentElement.dataset['shell'] = shell;
  for (const group of document.querySelectorAll<OsTabs>('os-tabs')) group.show(shell);
}

function choose(shell: string | undefined) {
  if (!isShell(shell)) return;
  safeStorage.set(preferenceKeys.shell, shell);
  showEverywhere(shell);
}

/** Registers <os-tabs> once, and follows a shell chosen in another open tab of the course. */
export function defineOsTabs(): void {
  if (customElements.get('os-tabs')) return;
  customElements.define('os-tabs', OsTabs);
  addEventListener('storage', (event) => {
    if (event.key === preferenceKeys.shell && isShell(event.newValue)) showEverywhere(event.newValue);
  });
}
