/**
 * Hybrid local/cloud routing as a plan and a trace. A policy (local first, cloud first, or by task type)
 * orders the targets; privacy, connectivity and the local model's context window strike targets out
 * before anything is sent; the run then tries each target in turn and records why it moved on.
 * Prompts marked private, or that look like they hold personal data, never go to the cloud.
 */

export const routingPolicies = ['local-first', 'cloud-first', 'by-task'] as const;
export type RoutingPolicy = (typeof routingPolicies)[number];

export type Target = 'local' | 'cloud';
export type TaskKind = 'code' | 'general';
export type PersonalData = 'email' | 'phone' | 'card' | 'iban';

export interface RouteSetup {
  policy: RoutingPolicy;
  /** Local models: one for general chat and one for code (the same id when there is only one). */
  localModels: Record<TaskKind, string>;
  /** The cloud model, or undefined when no cloud endpoint is configured. */
  cloudModel: string | undefined;
  online: boolean;
  /** The local model's context window, in tokens. */
  localContextTokens: number;
}

export interface Attempt {
  target: Target;
  model: string;
}

export type SkipReason = 'marked-private' | 'personal-data' | 'offline' | 'no-cloud' | 'context-too-long';

export interface RoutePlan {
  /** The rule that ordered the targets: the policy, and for `by-task` the task it saw. */
  rule: Exclude<RoutingPolicy, 'by-task'> | `by-task:${TaskKind}`;
  task: TaskKind;
  personalData: PersonalData[];
  estimatedTokens: number;
  attempts: Attempt[];
  skipped: { target: Target; reason: SkipReason }[];
}

const codeWords = [
  /```|\bdef \w+\(|=>|\bfunction\b|\bclass \w+|#include|\bSELECT\b.+\bFROM\b/,
  /\b(code|coding|function|script|python|javascript|typescript|java|c\+\+|c#|rust|golang|sql|regex|bug|debug|compile|refactor|snippet|bash|powershell)\b/i,
  /(?<!\p{L})(код|функци|скрипт|програм)/iu, // \b only knows ASCII letters
  /(كود|شيفرة|شفرة|دالة|برمجة|برنامج|سكربت|بايثون)/u,
];

/** Whether a prompt asks for code (or about code): keywords in English, Bulgarian and Arabic, or code itself. */
export function taskKindOf(prompt: string): TaskKind {
  return codeWords.some((pattern) => pattern.test(prompt)) ? 'code' : 'general';
}

/** Luhn's checksum, which every payment card number passes. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** What in a prompt looks like personal data: e-mail addresses, phone, card and IBAN numbers. */
export function personalDataIn(prompt: string): PersonalData[] {
  const found = new Set<PersonalData>();
  const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
  const iban = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b/g;
  if (email.test(prompt)) found.add('email');
  if (iban.test(prompt)) found.add('iban');
  // Numbers inside an address or an IBAN are not phone numbers of their own.
  const rest = prompt.replace(email, ' ').replace(iban, ' ');
  for (const match of rest.matchAll(/(?:\+|\b)\d[\d ().-]{6,}\d\b/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) found.add('card');
    else if (digits.length >= 9 && digits.length <= 15) found.add('phone');
  }
  return [...found];
}

/** A rough token count that errs high: about three characters per token across scripts. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

export function planRoute(prompt: string, markedPrivate: boolean, setup: RouteSetup): RoutePlan {
  const task = taskKindOf(prompt);
  const personalData = personalDataIn(prompt);
  const estimatedTokens = estimateTokens(prompt);
  const skipped: RoutePlan['skipped'] = [];

  const local: Attempt = { target: 'local', model: setup.policy === 'by-task' ? setup.localModels[task] : setup.localModels.general };
  const cloud: Attempt | undefined = setup.cloudModel ? { target: 'cloud', model: setup.cloudModel } : undefined;
  const ordered = setup.policy === 'cloud-first' ? [cloud, local] : [local, cloud];

  const allowed = ordered.filter((attempt): attempt is Attempt => {
    if (attempt === undefined) {
      skipped.push({ target: 'cloud', reason: 'no-cloud' });
      return false;
    }
    if (attempt.target === 'cloud') {
      const reason: SkipReason | undefined = markedPrivate ? 'marked-private' : personalData.length > 0 ? 'personal-data' : !setup.online ? 'offline' : undefined;
      if (reason) skipped.push({ target: 'cloud', reason });
      return !reason;
    }
    if (estimatedTokens > setup.localContextTokens) {
      skipped.push({ target: 'local', reason: 'context-too-long' });
      return false;
    }
    return true;
  });
  return { rule: setup.policy === 'by-task' ? `by-task:${task}` : setup.policy, task, personalData, estimatedTokens, attempts: allowed, skipped };
}

export type AttemptOutcome = 'answered' | 'timeout' | 'failed' | 'stopped';

export interface TraceStep {
  attempt: Attempt;
  outcome: AttemptOutcome;
  /** The error's message, for a failure. */
  detail?: string | undefined;
  ms: number;
}

/** Sends one attempt, reporting text as it streams; rejects on failure, honours the signal. */
export type SendAttempt = (attempt: Attempt, signal: AbortSignal, onText: (text: string) => void) => Promise<string>;

/**
 * Tries the plan's attempts in order until one answers. An attempt that gives no first token within
 * `firstTokenTimeoutMs` is cancelled and counted as a timeout; once text flows it is not timed out.
 */
export async function runRoute(plan: RoutePlan, send: SendAttempt, options: { firstTokenTimeoutMs: number; signal: AbortSignal; onText: (attempt: Attempt, text: string) => void; onStep?: (step: TraceStep) => void }): Promise<TraceStep[]> {
  const steps: TraceStep[] = [];
  for (const attempt of plan.attempts) {
    const controller = new AbortController();
    const stopAll = () => controller.abort();
    options.signal.addEventListener('abort', stopAll);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.firstTokenTimeoutMs);
    const startedAt = Date.now();
    let step: TraceStep;
    try {
      await send(attempt, controller.signal, (text) => {
        clearTimeout(timer);
        options.onText(attempt, text);
      });
      step = { attempt, outcome: 'answered', ms: Date.now() - startedAt };
    } catch (error) {
      const outcome: AttemptOutcome = options.signal.aborted ? 'stopped' : timedOut ? 'timeout' : 'failed';
      step = { attempt, outcome, detail: outcome === 'failed' ? (error instanceof Error ? error.message : String(error)) : undefined, ms: Date.now() - startedAt };
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', stopAll);
    }
    steps.push(step);
    options.onStep?.(step);
    if (step.outcome === 'answered' || step.outcome === 'stopped') break;
  }
  return steps;
}
