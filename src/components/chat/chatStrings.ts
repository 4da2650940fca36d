/** The UI strings the chat room's scripts read, one list per component (see components/strings.ts). */
import { demoStateKeys } from '../../lib/demoState';
import type { UiKey } from '../../lib/i18n';
import { diagnosisKeys } from '../endpoint/endpointStrings';

/** What a streamed answer may say about itself: stopped, cut off, broke off, slow, its metrics, or a diagnosis. */
export const streamedAnswerKeys = [
  'chat.stopped', 'chat.metrics', 'chat.brokeOff', 'chat.incomplete', 'diagnosis.slow', ...diagnosisKeys, ...demoStateKeys,
] as const satisfies readonly UiKey[];
/** A key of `streamedAnswerKeys`. */
export type StreamedAnswerKey = (typeof streamedAnswerKeys)[number];

/** What the chat playground's script says. */
export const chatPlaygroundKeys = ['chat.needsModel', ...streamedAnswerKeys] as const satisfies readonly UiKey[];
/** A key of `chatPlaygroundKeys`. */
export type ChatPlaygroundKey = (typeof chatPlaygroundKeys)[number];

/** What the model comparison's script says. */
export const modelCompareKeys = ['demo.noModels', 'compare.sameModel', 'compare.done', 'compare.ttft', 'compare.rate', 'compare.total', 'chat.needsModel', 'kind.browser', ...diagnosisKeys, ...demoStateKeys] as const satisfies readonly UiKey[];
/** A key of `modelCompareKeys`. */
export type ModelCompareKey = (typeof modelCompareKeys)[number];

/** What the hybrid router's script says. */
export const hybridRouterKeys = [
  'router.rule', 'router.rule.local-first', 'router.rule.cloud-first', 'router.rule.by-task:code', 'router.rule.by-task:general',
  'router.skip.marked-private', 'router.skip.personal-data', 'router.skip.offline', 'router.skip.no-cloud', 'router.skip.context-too-long',
  'router.data.email', 'router.data.phone', 'router.data.card', 'router.data.iban', 'router.target.local', 'router.target.cloud',
  'router.step.answered', 'router.step.timeout', 'router.step.failed', 'router.step.stopped', 'router.nothingToTry', 'router.allFailed',
  'router.answeredBy', 'router.noLocal', 'router.invalidCloud', 'router.timelineStep', 'router.timeline.local', 'router.timeline.cloud', 'demo.noModels', ...streamedAnswerKeys,
] as const satisfies readonly UiKey[];
/** A key of `hybridRouterKeys`. */
export type HybridRouterKey = (typeof hybridRouterKeys)[number];

/** What "Ask the course" says. */
export const ragChatKeys = [
  'rag.instructions', 'rag.promptPassages', 'rag.promptQuestion', 'rag.score', 'rag.noPassages', 'rag.needsModel',
  'rag.corpusFailed', 'rag.embedding', 'rag.embeddingFailed', 'rag.fileAdded', 'rag.removeFile',
  'rag.file.wrong-type', 'rag.file.too-large', 'rag.file.not-text', 'rag.file.empty', 'rag.file.unreadable',
  'rag.cited', 'rag.noCitations', 'rag.searching', ...streamedAnswerKeys,
] as const satisfies readonly UiKey[];
/** A key of `ragChatKeys`. */
export type RagChatKey = (typeof ragChatKeys)[number];
