/**
 * The UI strings the language-model room's script reads (see components/strings.ts). The markup imports
 * the list; the script imports only its type.
 */
import type { UiKey } from '../../lib/i18n';
import { streamedAnswerKeys } from '../chat/chatStrings';

/** What <browser-model> says: loading, confirming, progress, the loaded model's facts, storage and failures. */
export const browserModelKeys = [
  'browserModel.confirm', 'browserModel.confirmUnknown', 'browserModel.noRoom', 'browserModel.downloading',
  'browserModel.preparing', 'browserModel.loaded', 'browserModel.size', 'browserModel.runtime',
  'browserModel.unloaded', 'browserModel.storageEmpty', 'browserModel.storageUsage', 'browserModel.remove',
  'browserModel.removed', 'browserModel.needsLoad', 'browserModel.stored', 'browserModel.error.download-failed',
  'browserModel.error.storage-full', 'browserModel.error.load-failed', 'browserModel.error.generate-failed',
  'browserModel.error.not-loaded', 'browserModel.error.offline', 'provider.webgpu', 'provider.wasm', 'demo.downloadingRuntime',
  ...streamedAnswerKeys,
] as const satisfies readonly UiKey[];
/** A key of `browserModelKeys`. */
export type BrowserModelKey = (typeof browserModelKeys)[number];
