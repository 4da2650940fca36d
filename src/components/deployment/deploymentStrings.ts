/** The UI strings the deployment room's scripts read, one list per component (see components/strings.ts). */
import { criteria, deployments } from '../../lib/deploymentRecommendation';
import type { UiKey } from '../../lib/i18n';
import { addressKeys, diagnosisKeys } from '../endpoint/endpointStrings';

/** What the decision matrix's script says. */
export const decisionMatrixKeys = [
  'matrix.recommendation', 'matrix.reason', 'matrix.closeCall', 'matrix.noWeights', 'matrix.measured', 'matrix.notMeasured', 'matrix.score',
  ...criteria.map((criterion) => `matrix.criterion.${criterion}` as const),
  ...deployments.map((deployment) => `matrix.option.${deployment}` as const),
] as const satisfies readonly UiKey[];
/** A key of `decisionMatrixKeys`. */
export type DecisionMatrixKey = (typeof decisionMatrixKeys)[number];

/** What the Open WebUI set-up's script says. */
export const openWebUiSetupKeys = [
  'owui.summary', 'owui.portWarning', 'owui.checkOk', 'owui.checkEmpty', 'owui.confirmed', ...diagnosisKeys, ...addressKeys,
] as const satisfies readonly UiKey[];
/** A key of `openWebUiSetupKeys`. */
export type OpenWebUiSetupKey = (typeof openWebUiSetupKeys)[number];
