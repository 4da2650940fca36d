/** A chat demo before its answer: its chip says whether a model can answer, and Send is live only when one can, with the reason beside it otherwise. */
import { stateBeforeAnswer, type DemoStateKey } from '../../lib/demoState';
import type { Translate } from '../../lib/i18n';
import { showDemoState } from '../demoStatus';
import { part } from '../dom';
import { onInBrowserModel } from '../endpoint/browserEndpoint';
import { onChoice } from '../endpoint/endpointStore';
import { answerEndedEvent } from './streamedAnswer';

/** States a new endpoint choice may replace: those of a demo that is not answering and has not answered. */
const waitingStates = new Set([undefined, 'needs-server', 'ready']);

/** Follows the endpoint panel and the tab's model for `host`; `canAnswer` says whether some model can take its prompt; `sendWaits: false` for a demo whose Send does something without one (the RAG chat retrieves). Returns the check, for the demo's own changes (the router's cloud fields). */
export function followModelServer(host: HTMLElement, t: Translate<DemoStateKey>, canAnswer: () => boolean, { sendWaits = true } = {}): () => void {
  const send = part<HTMLButtonElement>(host, '.demo-start');
  const reason = host.querySelector<HTMLElement>('.demo-reason');
  const check = () => {
    const able = canAnswer();
    if (reason) reason.hidden = able;
    if (host.dataset['state'] === 'running') return;
    if (sendWaits) send.disabled = !able;
    if (!able || waitingStates.has(host.dataset['state'])) showDemoState(host, stateBeforeAnswer(able ? 1 : 0), t);
  };
  onChoice(check);
  onInBrowserModel(check);
  host.addEventListener(answerEndedEvent, check);
  check();
  return check;
}

/** The one option of a model list with no models yet (it says so, instead of an empty box). */
export function noModelsOption(t: Translate<'demo.noModels'>): HTMLOptionElement {
  return Object.assign(document.createElement('option'), { value: '', textContent: t('demo.noModels') });
}
