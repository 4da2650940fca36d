/**
 * What went wrong when talking to a local model server, and the exact command that fixes it for this
 * learner: their shell, and their Foundry Local CLI generation (0.8 and older: `foundry service …`,
 * `foundry model run`; 0.10 and newer: `foundry server …`, `foundry run`). The model id comes from the
 * endpoint, so it is quoted for the shell, and the command is refused when it cannot be.
 */
import type { Shell } from './preferences';
import { shellCommand, type Unquotable } from './shellQuote';

/** What a failed request to a model server can mean, each kind with its own explanation (`diagnosis.<kind>`) and fix. */
export const diagnosisKinds = ['offline', 'nothing-listening', 'cors-blocked', 'model-not-loaded', 'model-not-downloaded', 'alias-not-id', 'bridge-refused', 'server-error'] as const;
/** One of `diagnosisKinds`. */
export type DiagnosisKind = (typeof diagnosisKinds)[number];
/** The dictionary key of each diagnosis's explanation. */
export const diagnosisTextKeys = diagnosisKinds.map((kind) => `diagnosis.${kind}` as const);

/** What the page knows about a request that failed: the status, the error message, the route it took and the model asked for. */
export interface FailedRequest {
  /** HTTP status, or undefined when no response came (connection refused, CORS, network). */
  status: number | undefined;
  message: string;
  /** The page called the endpoint itself (no bridge): a missing response may be a CORS block. */
  direct: boolean;
  model?: string | undefined;
  /** The browser says it has no network (`navigator.onLine` false): then a request that got no answer is explained by that. */
  offline?: boolean | undefined;
}

/** The likely cause of a failure, read from its HTTP status and the error message of the server or the bridge. */
export function diagnose(failure: FailedRequest): DiagnosisKind {
  const { status, message } = failure;
  if (status === undefined && failure.offline) return 'offline';
  if (status === undefined) return failure.direct ? 'cors-blocked' : 'nothing-listening';
  if (status === 502 && /bridge_unreachable|Nothing answered/i.test(message)) return 'nothing-listening';
  if (status === 403 && /bridge/i.test(message)) return 'bridge-refused';
  if (/not loaded/i.test(message)) return 'model-not-loaded';
  if (/not cached|No OpenAIService provider|not downloaded/i.test(message)) return 'model-not-downloaded';
  if (status === 404 && failure.model !== undefined && !failure.model.includes(':')) return 'alias-not-id';
  return 'server-error';
}

/** The command that fixes a diagnosis, undefined when the fix is not a command, or a refusal when the model id cannot be quoted for the shell. */
export function fixCommand(kind: DiagnosisKind, options: { shell: Shell; generation: 1 | 2; model?: string | undefined; port?: string | undefined }): string | Unquotable | undefined {
  const modern = options.generation === 2;
  const model = options.model ?? 'phi-4-mini';
  const command = shellCommand(options.shell);
  const curl = options.shell === 'powershell' ? 'curl.exe' : 'curl';
  switch (kind) {
    case 'nothing-listening':
      return modern ? command`foundry run ${model}\nfoundry server status` : command`foundry model run ${model}\nfoundry service status`;
    case 'model-not-loaded':
      return modern ? command`foundry run ${model}` : command`foundry model run ${model}`;
    case 'model-not-downloaded':
      return command`foundry model download ${model}`;
    case 'alias-not-id':
      return command`${curl} ${`http://127.0.0.1:${options.port ?? 'PORT'}/v1/models`}`;
    case 'bridge-refused':
      return options.shell === 'powershell'
        ? '$env:COURSE_BRIDGE_ALLOW = "192.168.1.20:5273"; npm start'
        : options.shell === 'cmd'
          ? 'set COURSE_BRIDGE_ALLOW=192.168.1.20:5273 && npm start'
          : 'COURSE_BRIDGE_ALLOW=192.168.1.20:5273 npm start';
    case 'cors-blocked':
      return 'npm start';
    case 'offline':
    case 'server-error':
      return undefined;
  }
}
