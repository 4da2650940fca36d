/** The UI strings the endpoint room's scripts read, one list per component (see components/strings.ts). */
import { addressProblems } from '../../lib/endpointAddress';
import { diagnosisTextKeys } from '../../lib/endpointDiagnosis';
import { demoStateKeys } from '../../lib/demoState';
import type { UiKey } from '../../lib/i18n';

/** The diagnoses an endpoint demo may show (see src/lib/endpointDiagnosis.ts), and the note when the fix cannot be a command. */
export const diagnosisKeys = [...diagnosisTextKeys, 'diagnosis.unquotableModel', 'diagnosis.inBrowser'] as const satisfies readonly UiKey[];
/** A key of `diagnosisKeys`. */
export type DiagnosisKey = (typeof diagnosisKeys)[number];

/** What a demo says about a typed address it cannot use (see src/lib/endpointAddress.ts). */
export const addressKeys = addressProblems.map((problem) => `address.${problem}` as const) satisfies readonly UiKey[];
/** A key of `addressKeys`. */
export type AddressKey = (typeof addressKeys)[number];

/** What the endpoint panel's script says. */
export const endpointPanelKeys = [
  'endpoint.searching', 'endpoint.connected', 'endpoint.viaBridge', 'endpoint.direct', 'endpoint.noneFound', 'endpoint.noBridge', 'endpoint.offline',
  'endpoint.loaded', 'endpoint.notLoaded', 'endpoint.foundBy.cli', 'endpoint.foundBy.port', 'endpoint.foundBy.typed', 'endpoint.cliNotUnderstood',
  'kind.foundry1', 'kind.foundry2', 'kind.ollama', 'kind.lmstudio', 'kind.llamacpp', 'kind.vllm', 'kind.openai-compatible', 'kind.browser', 'endpoint.inBrowser',
  ...diagnosisKeys,
  ...addressKeys,
  ...demoStateKeys,
] as const satisfies readonly UiKey[];
/** A key of `endpointPanelKeys`. */
export type EndpointPanelKey = (typeof endpointPanelKeys)[number];
