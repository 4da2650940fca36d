/** Copy buttons on code blocks: copy the code's text, say so in a live region, then return to the label. */

const resetAfterMs = 2000;

/** Shows the copy button of every code block under `root` (hidden until the script runs) and makes it copy the block's code. */
export function enableCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('.code-block > .copy-button')) {
    const block = button.parentElement!;
    const label = button.textContent ?? '';
    const status = block.querySelector<HTMLElement>('.copy-status')!;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const code = block.querySelector('pre')?.innerText ?? '';
      let message: string;
      try {
        await navigator.clipboard.writeText(code.replace(/\n$/, ''));
        message = button.dataset['copied'] ?? '';
      } catch {
        message = button.dataset['failed'] ?? '';
      }
      button.textContent = message;
      status.textContent = message;
      setTimeout(() => {
        button.textContent = label;
        status.textContent = '';
      }, resetAfterMs);
    });
  }
}
