/**
 * Hybrid local/cloud routing as a plan and a trace. A policy (local first, cloud first, or by task type)
 * orders the targets; privacy, connectivity and the local model's context window strike targets out
 * before anything is sent; the run then tries each target in turn and records why it moved on.
 * Prompts marked private, or that look like they hold personal data, never go to the cloud.
 */
import { isLoopbackHost } from './bridgeSafety.ts';
import { asciiDigits } from './formatting.ts';

/** The policies the learner can choose from: local first, cloud first, or local first with the local model suited to the task. */
export const routingPolicies = ['local-first', 'cloud-first', 'by-task'] as const;
/** How the router orders the targets before any rule strikes one out. */
export type RoutingPolicy = (typeof routingPolicies)[number];

/** Where a prompt can be sent: the learner's local model or the cloud endpoint. */
export type Target = 'local' | 'cloud';
/** What a prompt asks for, as the `by-task` policy sees it. */
export type TaskKind = 'code' | 'general';
/** A kind of personal data detected in a prompt; any of them keeps the prompt off the cloud. */
export type PersonalData = 'email' | 'phone' | 'card' | 'iban';

/** What the router knows besides the prompt: the chosen policy, the available models, whether the page is online. */
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

/** One send of the prompt: to which target, with which model. */
export interface Attempt {
  target: Target;
  model: string;
}

/** Why a target was struck out of the plan before anything was sent. */
export type SkipReason = 'marked-private' | 'personal-data' | 'offline' | 'no-cloud' | 'context-too-long';

/** What the router decided before sending: the attempts in order, the targets it struck out and why, and what it saw in the prompt. */
export interface RoutePlan {
  /** The rule that ordered the targets: the policy, and for `by-task` the task it saw. */
  rule: Exclude<RoutingPolicy, 'by-task'> | `by-task:${TaskKind}`;
  task: TaskKind;
  personalData: PersonalData[];
  estimatedTokens: number;
  attempts: Attempt[];
  skipped: { target: Target; reason: SkipReason }[];
}

const codeSigns = [
  // Code itself: fences, definitions, arrows, includes, queries.
  /```|\bdef \w+\(|=>|#include\b|\bclass [A-Z]\w*\s*[({:]|\bfunction\s*\w*\s*\(|\bSELECT\b[\s\S]+\bFROM\b/,
  // Languages and tools; C++ and C# end in symbols that \b cannot see.
  /\b(python|javascript|typescript|golang|rust|kotlin|sql|regex|bash|powershell|html|css|json|yaml|dockerfile)\b|(?<![\w+#])(c\+\+|c#)(?![\w+#])/i,
  // Asking for code: a verb of making or fixing code with its object, or a word only programmers use.
  /\b(write|fix|debug|refactor|review|optimi[sz]e|generate)\b[^.?!\n]{0,40}\b(code|function|script|program|method|class|query|snippet|test)s?\b|\b(compile|stack ?trace|syntax error|bug|unit tests?)\b/i,
  /(?<!\p{L})(напиши|поправи|оптимизирай)(?!\p{L})[^.?!\n]{0,40}(?<!\p{L})(код|функци|скрипт|програм|клас|заявк)|(?<!\p{L})(код|кода|скрипт|бъг)(?!\p{L})/iu, // \b knows only ASCII
  /(?<!\p{L})(اكتب|أصلح|صحح)(?!\p{L})[^.؟!\n]{0,40}(دالة|شيفرة|كود|برنامج|سكربت)|(?<!\p{L})(كود|شيفرة|شفرة|برمجة|بايثون|سكربت)/u,
];

/** Whether a prompt asks for code (or about code): code itself, or asking for it in English, Bulgarian or Arabic. */
export function taskKindOf(prompt: string): TaskKind {
  return codeSigns.some((pattern) => pattern.test(prompt)) ? 'code' : 'general';
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

/**
 * What in a prompt looks like personal data: e-mail addresses, IBANs, card numbers (15–16 digits passing
 * Luhn) and phone numbers (an international or trunk prefix, or the North American 3-3-4 shape). Version
 * numbers, IP addresses, years and counts are left alone.
 */
export function personalDataIn(prompt: string): PersonalData[] {
  const found = new Set<PersonalData>();
  const text = asciiDigits(prompt);
  const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
  const iban = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b/gi;
  const card = /\b\d{4}(?:[ -]?\d{4}){2}[ -]?\d{3,4}\b/g;
  if (email.test(text)) found.add('email');
  if (iban.test(text)) found.add('iban');
  // Numbers inside an address or an IBAN are not numbers of their own.
  let rest = text.replace(email, ' ').replace(iban, ' ');
  for (const match of rest.match(card) ?? []) {
    if (passesLuhn(match.replace(/\D/g, ''))) {
      found.add('card');
      rest = rest.replace(match, ' ');
    }
  }
  // Not the tail of a number grouped in thousands (7 000 000 000) nor a part of a version or an address.
  const internationalOrTrunk = /(?:^|[^\w.])(?<!\d[ /-])(?:\+|00|0)\d{1,4}(?:[ /-]?\(?\d{1,4}\)?){2,5}(?![\w.])/g;
  const northAmerican = /(?:^|[^\w.])(?<!\d[ /-])\(?\d{3}\)?[ -]\d{3}[ -]\d{4}(?![\w.])/g;
  for (const match of [...(rest.match(internationalOrTrunk) ?? []), ...(rest.match(northAmerican) ?? [])]) {
    const digits = match.replace(/\D/g, '').length;
    if (digits >= 8 && digits <= 15) found.add('phone');
  }
  return [...found];
}

/**
 * The API address of the cloud endpoint the learner typed, which their key will be sent to: undefined
 * when no address or model is given, 'invalid' unless it is https (or http to this computer).
 */
export function cloudApiAddress(typed: string, model: string): string | 'invalid' | undefined {
  const address = typed.trim().replace(/\/+$/, '');
  if (!address || !model) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)) ? address : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** A rough token count that errs high: about three characters per token across scripts. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

/** The attempts for a prompt, in policy order: no cloud for private or personal prompts or offline, no local model when the prompt is too long. */
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

/** How one attempt ended: with an answer, no first token in time, an error, or stopped by the learner. */
export type AttemptOutcome = 'answered' | 'timeout' | 'failed' | 'stopped';

/** One attempt as it happened: its outcome and how long it took, in milliseconds. */
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
    let failure: string | undefined;
    try {
      await send(attempt, controller.signal, (text) => {
        clearTimeout(timer);
        options.onText(attempt, text);
      });
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', stopAll);
    }
    // The openai SDK ends an aborted stream quietly instead of throwing: an abort is no answer either way.
    const outcome: AttemptOutcome = options.signal.aborted ? 'stopped' : timedOut ? 'timeout' : failure !== undefined ? 'failed' : 'answered';
    const step: TraceStep = { attempt, outcome, detail: outcome === 'failed' ? failure : undefined, ms: Date.now() - startedAt };
    steps.push(step);
    options.onStep?.(step);
    if (step.outcome === 'answered' || step.outcome === 'stopped') break;
  }
  return steps;
}
