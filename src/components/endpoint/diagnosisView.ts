/** Shows a diagnosis in the reader's language with the command that fixes it for their shell and CLI. */
import { diagnose, fixCommand, type FailedRequest } from '../../lib/endpointDiagnosis';
import { interpolate } from '../../lib/i18n';
import { preferredShell } from '../../lib/preferences';
import type { EndpointChoice } from './endpointChoice';

/** Turns an `openai` SDK error (or a fetch failure) into what `diagnose` reads. */
export function failureOf(error: unknown, choice: EndpointChoice | undefined): FailedRequest {
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { status, message, direct: !(choice?.viaBridge ?? false), model: choice?.model };
}

export function showDiagnosis(container: HTMLElement, failure: FailedRequest | undefined, choice: EndpointChoice | undefined, strings: Record<string, string>): void {
  if (!failure) {
    container.hidden = true;
    return;
  }
  const kind = diagnose(failure);
  container.dataset['diagnosis'] = kind;
  const model = choice?.model ?? '';
  // The CLI takes an alias or a full id; gen-2 servers do not report aliases, so the id it is.
  const alias = choice?.models.find((entry) => entry.id === model)?.alias ?? model;
  container.querySelector('.diagnosis-text')!.textContent = interpolate(strings[`diagnosis.${kind}`] ?? '', { model, detail: failure.message });
  const command = fixCommand(kind, { shell: preferredShell(navigator.platform, document.documentElement.dataset['shell']), generation: choice?.generation ?? 2, model: alias || undefined, port: choice ? new URL(choice.baseUrl).port : undefined });
  const commandBox = container.querySelector<HTMLElement>('.diagnosis-command')!;
  commandBox.hidden = !command;
  commandBox.querySelector('code')!.textContent = command ?? '';
  container.hidden = false;
}
