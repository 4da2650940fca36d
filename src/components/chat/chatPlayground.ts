/** The behaviour of <chat-playground>: one prompt to the chosen local model, streamed, timed and stoppable. */
import { translateFrom, type Translate } from '../../lib/i18n';
import { part } from '../dom';
import { currentChoice } from '../endpoint/endpointStore';
import { readStrings } from '../strings';
import { followModelServer } from './modelServerState';
import type { ChatPlaygroundKey } from './chatStrings';
import { StreamedAnswer } from './streamedAnswer';
import { streamCompletion } from './streamCompletion';

class ChatPlayground extends HTMLElement {
  private t: Translate<ChatPlaygroundKey> = translateFrom<ChatPlaygroundKey>({});

  connectedCallback() {
    this.t = readStrings(this);
    const answer = new StreamedAnswer(this, this.t, this.dataset['locale'] ?? 'en');
    const prompt = part<HTMLTextAreaElement>(this, 'textarea');
    prompt.disabled = false;
    followModelServer(this, this.t, () => Boolean(currentChoice()?.model));
    part(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = currentChoice();
      const model = choice?.model;
      if (!choice || !model) {
        answer.status(this.t('chat.needsModel'));
        return;
      }
      void answer.run((signal, show) => streamCompletion(choice, model, prompt.value, signal, show), choice, { warnWhenSlow: true });
    });
  }
}

/** Registers <chat-playground> once. */
export function defineChatPlayground(): void {
  if (!customElements.get('chat-playground')) customElements.define('chat-playground', ChatPlayground);
}
