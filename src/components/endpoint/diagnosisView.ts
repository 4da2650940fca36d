/** Shows a diagnosis in the reader's language with the command that fixes it for their shell and CLI. */
import { endpointAddress, type AddressProblem } from '../../lib/endpointAddress';
import { diagnose, fixCommand, type FailedRequest } from '../../lib/endpointDiagnosis';
import type { Translate } from '../../lib/i18n';
import { part } from '../dom';
import { readerShell } from '../readerPlatform';
import type { AddressKey, DiagnosisKey } from './endpointStrings';
import type { EndpointChoice } from './endpointStore';

/** Turns an `openai` SDK error (or a fetch failure) into what `diagnose` reads. */
export function failureOf(error: unknown, choice: EndpointChoice | undefined): FailedRequest {
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { status, message, direct: !(choice?.viaBridge ?? false), model: choice?.model };
}

function fill(container: HTMLElement, reason: string, text: string, command: string | undefined) {
  container.dataset['diagnosis'] = reason;
  part(container, '.diagnosis-text').textContent = text;
  const commandBox = part(container, '.diagnosis-command');
  commandBox.hidden = command === undefined;
  part(commandBox, 'code').textContent = command ?? '';
  container.hidden = false;
}

/** Fills a <DiagnosisBox> with what went wrong and its fix, or hides it when `failure` is undefined. */
export function showDiagnosis(container: HTMLElement, failure: FailedRequest | undefined, choice: EndpointChoice | undefined, t: Translate<DiagnosisKey>): void {
  if (!failure) {
    container.hidden = true;
    return;
  }
  if (choice?.kind === 'browser') {
    fill(container, 'in-browser', t('diagnosis.inBrowser', { detail: failure.message }), undefined); // no server, no command
    return;
  }
  const kind = diagnose({ ...failure, offline: failure.offline ?? !navigator.onLine });
  const model = choice?.model ?? '';
  // The CLI takes an alias or a full id; gen-2 servers do not report aliases, so the id it is.
  const alias = choice?.models.find((entry) => entry.id === model)?.alias ?? model;
  const address = choice ? endpointAddress(choice.baseUrl) : undefined;
  const port = address && 'port' in address ? address.port : undefined;
  const fix = fixCommand(kind, { shell: readerShell(), generation: choice?.generation ?? 2, model: alias || undefined, port });
  const text = t(`diagnosis.${kind}`, { model, detail: failure.message });
  if (typeof fix === 'object') fill(container, kind, `${text} ${t('diagnosis.unquotableModel')}`, undefined);
  else fill(container, kind, text, fix);
}

/** Fills a <DiagnosisBox> with why a typed address cannot be used and how to type it; there is no command to show. */
export function showAddressProblem(container: HTMLElement, problem: AddressProblem, t: Translate<AddressKey>): void {
  fill(container, problem, t(`address.${problem}`), undefined);
}
