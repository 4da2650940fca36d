/**
 * <language-picker>: fills the menu with every language (own name, the page's name for it, a mark where the
 * lesson is translated), filters it as the reader types, and keeps the keyboard in it: the search box is
 * focused on opening, ↓ and ↑ move through the list, Escape closes it and returns to its button.
 */
import { languageEntries, matchingEntries, type LanguageEntry } from '../../lib/languageMenu';
import { rememberLocaleChoices } from './languageChoice';
import { locales } from '../../lib/locales';
import { part } from '../dom';

class LanguagePicker extends HTMLElement {
  private entries: LanguageEntry[] = [];

  connectedCallback() {
    const pageLocale = document.documentElement.lang;
    this.entries = languageEntries(locales, pageLocale, this.dataset['path'] ?? '', new Set((this.dataset['translated'] ?? '').split(' ')));
    const details = part<HTMLDetailsElement>(this, 'details');
    const find = part<HTMLInputElement>(this, '.language-find input');
    this.show(this.entries);
    // The menu's links are built here, so the choice is remembered from here: at once, not once another script arrives.
    rememberLocaleChoices(this);
    details.addEventListener('toggle', () => {
      if (details.open) find.focus();
    });
    find.addEventListener('input', () => this.show(matchingEntries(this.entries, find.value)));
    this.addEventListener('keydown', (event) => this.move(event, details));
  }

  private show(entries: readonly LanguageEntry[]) {
    const pageLocale = document.documentElement.lang;
    const mark = part<HTMLTemplateElement>(this, '.language-mark');
    part(this, '.language-options').replaceChildren(
      ...entries.map((entry) => {
        const link = document.createElement('a');
        Object.assign(link, { href: entry.href, hreflang: entry.code, lang: entry.code, dir: entry.dir, textContent: entry.ownName });
        link.dataset['localeChoice'] = entry.code;
        if (entry.code === pageLocale) link.setAttribute('aria-current', 'true');
        const item = document.createElement('li');
        item.append(link);
        if (entry.localName) {
          const local = document.createElement('span');
          local.className = 'language-local-name';
          local.textContent = entry.localName;
          link.append(' ', local);
        }
        if (entry.translated) link.append(mark.content.cloneNode(true));
        return item;
      }),
    );
    part(this, '.language-none').textContent = entries.length === 0 ? part<HTMLTemplateElement>(this, '.language-no-match').content.textContent : '';
  }

  private move(event: KeyboardEvent, details: HTMLDetailsElement) {
    if (event.key === 'Escape' && details.open) {
      details.open = false;
      part(this, 'summary').focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const focusable = [part<HTMLInputElement>(this, '.language-find input'), ...this.querySelectorAll<HTMLAnchorElement>('.language-options a')];
    const at = focusable.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    focusable[Math.max(0, Math.min(focusable.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  }
}

/** Registers <language-picker> once. */
export function defineLanguagePicker(): void {
  if (!customElements.get('language-picker')) customElements.define('language-picker', LanguagePicker);
}
