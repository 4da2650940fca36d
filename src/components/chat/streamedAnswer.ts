/**
 * One streamed answer's life inside a chat demo, the same in every demo: Send turns busy and Stop live,
 * the answer box clears, a slow first token is said to be slow, the answer renders as it streams, and the
 * ending is named — done (with metrics), stopped, cut off, broke off, or a diagnosis of what failed.
 * The markup it drives: `.demo-start`, `.chat-stop`, `.chat-answer`, `.answer-status`, and optionally
 * `.chat-metrics` and a <DiagnosisBox>.
 */
import { describeMetrics } from '../../lib/chatStream';
import type { DemoState } from '../../lib/demoState';
import type { Translate } from '../../lib/i18n';
import { showDemoState } from '../demoStatus';
import { part } from '../dom';
import { failureOf, showDiagnosis } from '../endpoint/diagnosisView';
import type { EndpointChoice } from '../endpoint/endpointStore';
import type { StreamedAnswerKey } from './chatStrings';
import { loadAnswerRendering, type AnswerRendering } from './answerRendering';
import { StreamBrokeOff, type StreamResult } from './streamCompletion';

/** Fired on a demo when an answer has ended, so whatever decides whether Send may act can decide again. */
export const answerEndedEvent = 'answer-ended';

/** How long a first token may take before the learner is told the server is slow (loading a model, say). */
const slowFirstTokenMs = 5000;

/** Streams into the answer box; resolves undefined when the demo decided not to ask after all. */
export type AnswerProducer = (signal: AbortSignal, show: (markdown: string) => void) => Promise<StreamResult | undefined>;

/** Drives a demo's Send/Stop, answer box and status line through one streamed answer at a time. */
export class StreamedAnswer {
  private controller: AbortController | undefined;
  private readonly send: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  /** Where the answer renders, as sanitised Markdown. */
  readonly answer: HTMLElement;
  private readonly statusLine: HTMLElement;
  private rendering: AnswerRendering | undefined;
  /** The answer so far, drawn once the renderer has loaded if it arrived first. */
  private latest: string | undefined;
  private readonly metrics: HTMLElement | null;
  private readonly diagnosis: HTMLElement | null;
  /** The chip's state before this answer, for an answer that never came (nothing asked, or stopped). */
  private stateBefore: DemoState = 'ready';

  constructor(
    private readonly root: HTMLElement,
    private readonly t: Translate<StreamedAnswerKey>,
    private readonly locale: string,
  ) {
    this.send = part(root, '.demo-start');
    this.stop = part(root, '.chat-stop');
    this.answer = part(root, '.chat-answer');
    this.statusLine = part(root, '.answer-status');
    this.metrics = root.querySelector('.chat-metrics');
    this.diagnosis = root.querySelector('.diagnosis');
    this.stop.addEventListener('click', () => this.controller?.abort());
  }

  /** Says something on the status line (or clears it). */
  status(text: string): void {
    this.statusLine.textContent = text;
  }

  /** Starts an answer by hand, for a demo that runs its own flow (the router): busy, Stop live, boxes cleared. */
  begin(): AbortSignal {
    this.controller = new AbortController();
    delete this.root.dataset['complete'];
    this.send.disabled = true;
    this.stop.disabled = false;
    this.status('');
    if (this.metrics) this.metrics.textContent = '';
    this.answer.replaceChildren();
    this.latest = undefined;
    this.answer.setAttribute('aria-busy', 'true');
    this.stateBefore = (this.root.dataset['state'] as DemoState | undefined) ?? 'ready';
    showDemoState(this.root, 'running', this.t);
    if (this.diagnosis) showDiagnosis(this.diagnosis, undefined, undefined, this.t);
    return this.controller.signal;
  }

  /** Ends an answer started with `begin`: not busy, Send live again (the demo may check that again on `answerEndedEvent`), the chip on how it ended (done, unless said otherwise). */
  end(): void {
    if (this.root.dataset['state'] === 'running') showDemoState(this.root, this.controller?.signal.aborted ? this.stateBefore : 'done', this.t);
    this.answer.setAttribute('aria-busy', 'false');
    this.send.disabled = false;
    this.stop.disabled = true;
    this.root.dispatchEvent(new Event(answerEndedEvent));
  }

  /** Shows the answer so far. */
  show(markdown: string): void {
    this.latest = markdown;
    if (this.rendering) this.rendering.renderMarkdown(this.answer, markdown);
    else void this.loadRendering();
  }

  /** Loads the Markdown renderer (once), then draws the latest text it was given meanwhile. */
  private async loadRendering(): Promise<AnswerRendering> {
    this.rendering ??= await loadAnswerRendering();
    if (this.latest !== undefined) this.rendering.renderMarkdown(this.answer, this.latest);
    return this.rendering;
  }

  /** Runs one answer from `produce` and names how it ended; a failure is diagnosed against `choice`. */
  async run(produce: AnswerProducer, choice: EndpointChoice | undefined, { warnWhenSlow = false } = {}): Promise<StreamResult | undefined> {
    // Foundry Local 0.8 never sends finish_reason; elsewhere its absence means the stream was cut.
    const expectsFinish = !(choice?.kind === 'foundry' && choice.generation === 1);
    const signal = this.begin();
    let received = false; // a first token arrived: the server is not slow any more
    const slow = warnWhenSlow ? setTimeout(() => received || this.status(this.t('diagnosis.slow')), slowFirstTokenMs) : undefined;
    try {
      const rendering = await this.loadRendering();
      const result = await produce(signal, (markdown) => {
        if (!received && warnWhenSlow) this.status('');
        received = true;
        this.show(markdown);
      });
      if (!result) {
        showDemoState(this.root, this.stateBefore, this.t);
        return undefined;
      }
      if (this.metrics) this.metrics.textContent = describeMetrics(this.t('chat.metrics'), result.metrics, this.locale);
      if (signal.aborted) this.status(this.t('chat.stopped'));
      else if (!result.finished && expectsFinish) this.status(this.t('chat.incomplete'));
      this.root.dataset['complete'] = 'true';
      await rendering.highlightCode(this.answer);
      return result;
    } catch (error) {
      if (signal.aborted) this.status(this.t('chat.stopped'));
      else if (error instanceof StreamBrokeOff) this.status(this.t('chat.brokeOff', { detail: error.message }));
      else if (this.diagnosis) showDiagnosis(this.diagnosis, failureOf(error, choice), choice, this.t);
      else throw error;
      if (!signal.aborted) showDemoState(this.root, 'error', this.t);
      return undefined;
    } finally {
      clearTimeout(slow);
      this.end();
    }
  }
}
