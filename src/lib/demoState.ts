/**
 * What a demo card's status chip can say: not started, searching for a model server, waiting for one,
 * downloading, ready for input, running, done or failed. One list, so the chip, its strings and its styles cannot disagree.
 */
import type { UiKey } from './i18n';

/** Every state a demo can be in, in the order a run goes through them. */
const demoStates = ['idle', 'searching', 'needs-server', 'downloading', 'ready', 'running', 'done', 'error'] as const;
/** One of `demoStates`. */
export type DemoState = (typeof demoStates)[number];

/** The chip's words for each state. */
export const demoStateKeys = [
  'demo.state.idle', 'demo.state.searching', 'demo.state.needs-server', 'demo.state.downloading', 'demo.state.ready', 'demo.state.running', 'demo.state.done', 'demo.state.error',
] as const satisfies readonly UiKey[];
/** A key of `demoStateKeys`. */
export type DemoStateKey = (typeof demoStateKeys)[number];

/** The chip's key for `state`. */
export function demoStateKey(state: DemoState): DemoStateKey {
  return `demo.state.${state}`;
}

/** What a chat demo is in before its first answer: ready when some model can answer, else waiting for a model server. */
export function stateBeforeAnswer(modelCount: number): DemoState {
  return modelCount > 0 ? 'ready' : 'needs-server';
}
