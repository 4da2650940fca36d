/** Drives a <DemoLoader>: the start button, download progress and failures, in the reader's language. */
import { formatBytes } from '../../lib/formatting';
import { interpolate } from '../../lib/i18n';
import type { Provider } from '../../lib/inferenceProtocol';
import { DemoError, type DownloadProgress } from './inferenceRuntime';

export class DemoLoader {
  private readonly start: HTMLButtonElement | null;
  private readonly progressBox: HTMLElement;
  private readonly errorBox: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly strings: Record<string, string>,
    private readonly locale: string,
  ) {
    this.start = root.querySelector('.demo-start');
    this.progressBox = root.querySelector('.demo-progress')!;
    this.errorBox = root.querySelector('.demo-error')!;
    if (this.start) this.start.disabled = false;
  }

  /** Runs `task` when the learner presses start (or retries after a failure). */
  onStart(task: () => Promise<void>): void {
    const start = this.start!;
    const run = async () => {
      start.disabled = true;
      this.errorBox.hidden = true;
      try {
        await task();
        start.hidden = true;
        this.progressBox.hidden = true;
      } catch (error) {
        if (this.errorBox.hidden) this.fail(error);
        start.disabled = false;
      }
    };
    start.addEventListener('click', run);
    this.root.querySelector('.demo-retry')?.addEventListener('click', run);
  }

  progress({ file, loaded, total }: DownloadProgress): void {
    this.progressBox.hidden = false;
    const bar = this.progressBox.querySelector('progress')!;
    if (total) {
      bar.max = total;
      bar.value = loaded;
    } else bar.removeAttribute('value');
    const key = file === 'runtime' ? 'demo.downloadingRuntime' : 'demo.downloadingModel';
    this.status(interpolate(this.strings[key] ?? '', { loaded: formatBytes(loaded, this.locale), total: total ? formatBytes(total, this.locale) : '?' }));
  }

  status(text: string): void {
    this.progressBox.hidden = false;
    this.progressBox.querySelector('.demo-progress-text')!.textContent = text;
  }

  /** Explains a failure; runtime failures need a reload, the others can be retried or avoided. */
  fail(error: unknown, provider?: Provider): void {
    const code = error instanceof DemoError ? error.code : 'run-failed';
    const detail = error instanceof Error ? error.message : String(error);
    const providerName = provider ? (this.strings[`provider.${provider}`] ?? provider) : '';
    this.showError(interpolate(this.strings[`demo.error.${code}`] ?? detail, { provider: providerName, detail }), code !== 'runtime-failed');
  }

  showError(message: string, retryable = false): void {
    this.errorBox.querySelector('.demo-error-text')!.textContent = message;
    const retry = this.errorBox.querySelector<HTMLElement>('.demo-retry');
    if (retry) retry.hidden = !retryable || !this.start;
    this.errorBox.hidden = false;
    this.progressBox.hidden = true;
  }
}
