/** <code-block>: a lesson's code with a copy button that copies the code and says so in a live region, then returns to its label. */
import { readStrings } from '../strings';
import type { CodeBlockKey } from './courseStrings';

const resetAfterMs = 2000;

class CodeBlock extends HTMLElement {
  connectedCallback(): void {
    if (this.querySelector('.copy-button')) return;
    const t = readStrings<CodeBlockKey>(this);
    const button = this.appendChild(document.createElement('button'));
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = t('code.copy');
    const status = this.appendChild(document.createElement('span'));
    status.className = 'visually-hidden copy-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      const code = this.querySelector('pre')?.innerText ?? '';
      let message: string;
      try {
        await navigator.clipboard.writeText(code.replace(/\n$/, ''));
        message = t('code.copied');
      } catch {
        message = t('code.copyFailed');
      }
      button.textContent = message;
      status.textContent = message;
      setTimeout(() => {
        button.textContent = t('code.copy');
        status.textContent = '';
      }, resetAfterMs);
    });
  }
}

/** Registers <code-block> once. */
export function defineCodeBlock(): void {
  if (!customElements.get('code-block')) customElements.define('code-block', CodeBlock);
}
