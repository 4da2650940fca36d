/** The behaviour of <chat-playground>: send, stream, stop, render safely, time, and diagnose. */
import { describeMetrics } from '../../lib/chatStream';
import { interpolate } from '../../lib/i18n';
import { StreamBrokeOff, streamChat } from './chatStreamRunner';
import { currentChoice } from './endpointChoice';
import { failureOf, showDiagnosis } from './diagnosisView';
import { highlightCode, renderMarkdown } from './renderMarkdown';
import { readStrings } from '../dom';

const slowFirstTokenMs = 5000;

class ChatPlayground extends HTMLElement {
  private strings: Record<string, string> = {};
  private locale = 'en';
  private controller: AbortController | undefined;

  connectedCallback() {
    this.strings = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const form = this.querySelector('form')!;
    for (const control of form.querySelectorAll<HTMLTextAreaElement | HTMLButtonElement>('textarea, .demo-start')) control.disabled = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send(this.querySelector('textarea')!.value);
    });
    this.querySelector('.chat-stop')!.addEventListener('click', () => this.controller?.abort());
  }

  private async send(prompt: string) {
    const status = this.querySelector('.chat-status')!;
    const answer = this.querySelector<HTMLElement>('.chat-answer')!;
    const metrics = this.querySelector('.chat-metrics')!;
    const diagnosis = this.querySelector<HTMLElement>('.diagnosis')!;
    const choice = currentChoice();
    if (!choice?.model) {
      status.textContent = this.strings['chat.needsModel'] ?? '';
      return;
    }
    this.controller = new AbortController();
    const stop = this.querySelector<HTMLButtonElement>('.chat-stop')!;
    const send = this.querySelector<HTMLButtonElement>('.demo-start')!;
    stop.disabled = false;
    send.disabled = true;
    status.textContent = '';
    metrics.textContent = '';
    answer.replaceChildren();
    answer.setAttribute('aria-busy', 'true');
    showDiagnosis(diagnosis, undefined, undefined, this.strings);
    let received = false; // a first token arrived: the server is not slow any more
    const slow = setTimeout(() => {
      if (!received) status.textContent = this.strings['diagnosis.slow'] ?? '';
    }, slowFirstTokenMs);
    try {
      const result = await streamChat(choice, choice.model, prompt, this.controller.signal, (text) => {
        received = true;
        status.textContent = '';
        renderMarkdown(answer, text);
      });
      metrics.textContent = describeMetrics(this.strings['chat.metrics'] ?? '', result.metrics, this.locale);
      // Foundry Local 0.8 never sends finish_reason; elsewhere its absence means the stream was cut.
      const expectsFinish = !(choice.kind === 'foundry' && choice.generation === 1);
      if (this.controller.signal.aborted) status.textContent = this.strings['chat.stopped'] ?? '';
      else if (!result.finished && expectsFinish) status.textContent = this.strings['chat.incomplete'] ?? '';
      this.dataset['complete'] = 'true';
      await highlightCode(answer);
    } catch (error) {
      if (this.controller.signal.aborted) status.textContent = this.strings['chat.stopped'] ?? '';
      else if (error instanceof StreamBrokeOff) status.textContent = interpolate(this.strings['chat.brokeOff'] ?? '', { detail: error.message });
      else showDiagnosis(diagnosis, failureOf(error, choice), choice, this.strings);
    } finally {
      clearTimeout(slow);
      answer.setAttribute('aria-busy', 'false');
      stop.disabled = true;
      send.disabled = false;
    }
  }
}

export function defineChatPlayground(): void {
  if (!customElements.get('chat-playground')) customElements.define('chat-playground', ChatPlayground);
}
