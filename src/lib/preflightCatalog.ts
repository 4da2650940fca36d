/**
 * The pre-flight checks as data: their ids in page order, where each looks, which Session 4 needs, and the
 * states a verdict can have. No imports, so the classroom service (run by Node directly) can read it too.
 */

/** Every check, in the order the page shows them. */
export const preflightCheckIds = ['webgpu', 'wasm-simd', 'storage', 'browser', 'model-server', 'chat', 'embeddings', 'python', 'docker', 'node'] as const;
/** One of `preflightCheckIds`. */
export type PreflightCheckId = (typeof preflightCheckIds)[number];

/** Where a check looks: in the browser, at the learner's model server, or on their computer (through the bridge only). */
export type PreflightSource = 'browser' | 'model-server' | 'machine';

/** A check: where it looks, whether Session 4 needs it, and the check it waits for. */
export interface PreflightCheck {
  id: PreflightCheckId;
  source: PreflightSource;
  required: boolean;
  /** Judged only once this check has passed; checked again whenever it is. */
  after?: PreflightCheckId;
}

/** The checks as data: the page, the summary and "check again" all read this list. */
export const preflightChecks: readonly PreflightCheck[] = [
  { id: 'webgpu', source: 'browser', required: false },
  { id: 'wasm-simd', source: 'browser', required: true },
  { id: 'storage', source: 'browser', required: true },
  { id: 'browser', source: 'browser', required: false },
  { id: 'model-server', source: 'model-server', required: true },
  { id: 'chat', source: 'model-server', required: true, after: 'model-server' },
  { id: 'embeddings', source: 'model-server', required: false, after: 'model-server' },
  { id: 'python', source: 'machine', required: true },
  { id: 'docker', source: 'machine', required: true },
  { id: 'node', source: 'machine', required: true },
];

/** What a check can find. */
export const preflightStates = ['passed', 'failed', 'not-checked'] as const;
/** One of `preflightStates`. */
export type PreflightState = (typeof preflightStates)[number];
