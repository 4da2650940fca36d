/**
 * An attendee's side of a class, as data: where the class is, the token that proves they joined, their
 * name and choices, and their "Done" / "I'm stuck" marks (kept here, not in progress: they mean something
 * only to a class). Reading it back from storage checks every field, so a damaged entry is dropped rather
 * than sent. `sharedState` builds the snapshot the service receives from progress, pre-flight and marks,
 * keeping only the kinds the attendee turned on.
 */
import { checkPartMark, isId, isRecord, maxEntries, shareKinds, type PartMark, type ResolvedRequest, type SharedState, type Shares } from './classroomProtocol.ts';
import { preflightCheckIds, preflightStates, type PreflightCheckId, type PreflightState } from './preflightCatalog.ts';
import type { Progress } from './progress.ts';


/** An attendee's membership of one class. */
export interface Membership {
  /** The classroom service's origin, e.g. `http://192.168.1.20:4400`. */
  origin: string;
  token: string;
  attendeeId: string;
  name: string | null;
  shares: Shares;
  parts: Record<string, PartMark>;
  joinedAt: string;
}

/** The latest pre-flight verdicts this browser saw. */
export type PreflightResult = Partial<Record<PreflightCheckId, PreflightState>>;


/** Reads a stored membership; undefined when there is none or it does not hold together. */
export function membershipFromJson(text: string | null): Membership | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || !isRecord(data['shares']) || !isRecord(data['parts'])) return undefined;
  const { origin, token, attendeeId, name, joinedAt, shares, parts } = data;
  if (typeof origin !== 'string' || typeof token !== 'string' || typeof attendeeId !== 'string' || typeof joinedAt !== 'string') return undefined;
  if (name !== null && typeof name !== 'string') return undefined;
  if (!shareKinds.every((kind) => typeof shares[kind] === 'boolean')) return undefined;
  if (!Object.values(parts).every((mark) => typeof checkPartMark(mark) !== 'string')) return undefined;
  return { origin, token, attendeeId, name, joinedAt, shares: shares as Shares, parts: parts as Record<string, PartMark> };
}

/** Reads the stored pre-flight verdicts, keeping only known checks and states. */
export function preflightResultFromJson(text: string | null): PreflightResult {
  let data: unknown;
  try {
    data = JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  return Object.fromEntries(Object.entries(data).filter(([id, state]) => (preflightCheckIds as readonly string[]).includes(id) && (preflightStates as readonly unknown[]).includes(state))) as PreflightResult;
}

/**
 * What the attendee shares now: ticked tasks, quiz choices, pre-flight verdicts and part marks, each only if
 * turned on, keeping only entries the service accepts (ids it can read, at most `maxEntries` of a kind), so
 * one odd entry in old progress never gets the whole snapshot refused.
 */
export function sharedState(membership: Pick<Membership, 'shares' | 'parts'>, progress: Progress, preflight: PreflightResult): SharedState {
  const state: SharedState = {};
  const { shares } = membership;
  if (shares.tasks)
    state.tasks = Object.entries(progress.tasks)
      .filter(([key, task]) => task.done && isId(key))
      .map(([key]) => key)
      .slice(0, maxEntries);
  if (shares.quizzes)
    state.quizzes = Object.fromEntries(
      Object.entries(progress.quizzes)
        .filter(([key, answer]) => isId(key) && answer.chosen.every(isId))
        .slice(0, maxEntries)
        .map(([key, answer]) => [key, answer.chosen]),
    );
  if (shares.preflight) state.preflight = preflight;
  if (shares.parts) state.parts = membership.parts;
  return state;
}

/** The marks once the instructor has resolved requests for help: a part stays stuck if the attendee asked again since. */
export function withoutResolved(parts: Record<string, PartMark>, resolved: readonly ResolvedRequest[]): Record<string, PartMark> {
  return Object.fromEntries(Object.entries(parts).filter(([key, mark]) => !(mark.state === 'stuck' && resolved.some((request) => request.part === key && request.asked === mark.asked))));
}
