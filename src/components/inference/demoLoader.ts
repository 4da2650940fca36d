/** Drives a <DemoLoader>: the start button, download progress and failures, in the reader's language. */
import { formatBytes } from '../../lib/formatting';
import type { Translate } from '../../lib/i18n';
import type { Provider } from '../../lib/inferenceProtocol';
import { showDemoState } from '../demoStatus';
import { part } from '../dom';
import type { DemoLoaderKey } from './inferenceStrings';
import { DemoError, type DownloadProgress } from './inferenceRuntime';

/** The loader inside a demo's markup: what it says while the demo downloads, prepares and fails. */
export class DemoLoader {
  /** Set by `onStart`; retrying re-runs its task, so demos without one (they start from their own control) offer no retry. */
  private startButton: HTMLButtonElement | undefined;
  private readonly progressBox: HTMLElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly errorText: HTMLElement;
  private readonly retryButton: HTMLButtonElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly t: Translate<DemoLoaderKey>,
    private readonly locale: string,
  ) {
    this.progressBox = part(root, '.demo-progress');
    this.progressBar = part(root, '.demo-progress progress');
    this.progressText = part(root, '.demo-progress-text');
    this.errorBox = part(root, '.demo-error');
    this.errorText = part(root, '.demo-error-text');
    this.retryButton = part(root, '.demo-retry');
  }

  /** Runs `task` when the learner presses start (or retries after a failure). */
  onStart(task: () => Promise<void>): void {
    const start = part<HTMLButtonElement>(this.root, '.demo-start');
    this.startButton = start;
    const run = async () => {
      start.disabled = true;
      this.hideError();
      showDemoState(this.root, 'downloading', this.t);
      try {
        await task();
        start.hidden = true;
        this.hideProgress();
        if (this.root.dataset['state'] === 'downloading') showDemoState(this.root, 'ready', this.t);
      } catch (error) {
        if (this.errorBox.hidden) this.fail(error);
        start.disabled = false;
      }
    };
    start.addEventListener('click', run);
    this.retryButton.addEventListener('click', run);
    start.disabled = false; // rendered disabled until there is something to start
  }

  /** Shows how far a download has got, as a bar and in words. */
  progress({ file, loaded, total }: DownloadProgress): void {
    if (total) {
      this.progressBar.max = total;
      this.progressBar.value = loaded;
    } else this.progressBar.removeAttribute('value'); // an indeterminate bar: the server sent no length
    const key = file === 'runtime' ? 'demo.downloadingRuntime' : 'demo.downloadingModel';
    this.status(this.t(key, { loaded: formatBytes(loaded, this.locale), total: total ? formatBytes(total, this.locale) : '?' }));
  }

  /** Shows what the demo is doing now, on the progress line. */
  status(text: string): void {
    this.progressBox.hidden = false;
    this.progressText.textContent = text;
  }

  /** Hides the progress line, once the demo shows its result. */
  hideProgress(): void {
    this.progressBox.hidden = true;
  }

  /** Explains a failure; runtime failures need a reload, the others can be retried or avoided. */
  fail(error: unknown, provider?: Provider): void {
    const code = error instanceof DemoError ? error.code : 'run-failed';
    const detail = error instanceof Error ? error.message : String(error);
    const providerName = provider ? this.t(`provider.${provider}`) : '';
    this.showError(this.t(`demo.error.${code}`, { provider: providerName, detail }), code !== 'runtime-failed');
  }

  /** Shows `message` in place of the progress line, with a retry button if `retryable` and the demo has a start. */
  showError(message: string, retryable = false): void {
    showDemoState(this.root, 'error', this.t);
    this.errorText.textContent = message;
    this.retryButton.hidden = !retryable || !this.startButton;
    this.errorBox.hidden = false;
    this.hideProgress();
  }

  /** Hides the last error, as the demo tries again. */
  hideError(): void {
    this.errorBox.hidden = true;
  }

  /** Shows on the card's chip that the demo is working (`running`) or has shown its result (`done`). */
  state(state: 'running' | 'done'): void {
    showDemoState(this.root, state, this.t);
  }
}
