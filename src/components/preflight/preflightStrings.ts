/** The UI strings the pre-flight room's script reads (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';
import { preflightTextKeys } from '../../lib/preflightChecks';
import { addressKeys } from '../endpoint/endpointStrings';

/** What the pre-flight check's script says: the verdicts and the report (src/lib/preflightChecks), and its own states. */
export const preflightKeys = [
  ...preflightTextKeys,
  'preflight.state.checking', 'preflight.copied', 'preflight.copyFailed', 'preflight.namedEndpoint', 'preflight.chatPrompt',
  ...addressKeys,
] as const satisfies readonly UiKey[];
/** A key of `preflightKeys`. */
export type PreflightKey = (typeof preflightKeys)[number];
