/** The UI strings the endpoint room's scripts read, one list per component (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** The diagnoses an endpoint demo may show (see src/lib/endpointDiagnosis.ts). */
export const diagnosisKeys = [
  'diagnosis.nothing-listening',
  'diagnosis.cors-blocked',
  'diagnosis.model-not-loaded',
  'diagnosis.model-not-downloaded',
  'diagnosis.alias-not-id',
  'diagnosis.bridge-refused',
  'diagnosis.server-error',
] as const satisfies readonly UiKey[];
/** A key of `diagnosisKeys`. */
export type DiagnosisKey = (typeof diagnosisKeys)[number];

/** What the endpoint panel's script says. */
export const endpointPanelKeys = [
  'endpoint.searching', 'endpoint.connected', 'endpoint.viaBridge', 'endpoint.direct', 'endpoint.noneFound', 'endpoint.noBridge',
  'endpoint.loaded', 'endpoint.notLoaded', 'endpoint.foundBy.cli', 'endpoint.foundBy.port', 'endpoint.foundBy.typed',
  'kind.foundry1', 'kind.foundry2', 'kind.ollama', 'kind.lmstudio', 'kind.llamacpp', 'kind.vllm', 'kind.openai-compatible',
  ...diagnosisKeys,
] as const satisfies readonly UiKey[];
/** A key of `endpointPanelKeys`. */
export type EndpointPanelKey = (typeof endpointPanelKeys)[number];
