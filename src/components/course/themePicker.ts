/** <theme-picker>: light, dark or the system's, applied at once and remembered (the head script applies it before first paint). */
import { isTheme, preferenceKeys } from '../../lib/preferences';
import { safeStorage } from '../../lib/safeStorage';

class ThemePicker extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector('select')!;
    const apply = () => {
      const theme = isTheme(select.value) ? select.value : 'auto';
      if (theme === 'auto') delete document.documentElement.dataset['theme'];
      else document.documentElement.dataset['theme'] = theme;
      safeStorage.set(preferenceKeys.theme, theme);
    };
    // This script arrives after the page is shown: a theme picked before then is applied, not overwritten.
    const pickedBeforeScript = !select.selectedOptions[0]?.defaultSelected;
    if (pickedBeforeScript) apply();
    else {
      const stored = safeStorage.get(preferenceKeys.theme);
      select.value = isTheme(stored) ? stored : 'auto';
    }
    select.addEventListener('change', apply);
  }
}

/** Registers <theme-picker> once. */
export function defineThemePicker(): void {
  if (!customElements.get('theme-picker')) customElements.define('theme-picker', ThemePicker);
}
