/**
 * Reads the endpoint out of Foundry Local's CLI status output, for both generations:
 *   0.8 and older: `foundry service status` → "🟢 Model management service is running on http://127.0.0.1:PORT/openai/status"
 *   0.10 and newer: `foundry server status` → a table with a line "Web URLs  http://127.0.0.1:PORT"
 * Source: Foundry Local's CLI and issue tracker (see the course's local-model-endpoints reference).
 * Output in any other shape (a newer CLI's wording, an address the URL parser or the course refuses) is
 * reported as not understood rather than thrown, so discovery can still say that the CLI answered.
 */
import { originProblem } from './endpointAddress';

/** Foundry Local's CLI generation: 1 for 0.8 and older (`foundry service …`), 2 for 0.10 and newer (`foundry server …`). */
export type FoundryGeneration = 1 | 2;

/** What a status command's output says about the endpoint of one CLI generation. */
export interface FoundryCliStatus {
  generation: FoundryGeneration;
  /** The endpoint's base URL (no path), or undefined when the CLI says the service is not running. */
  baseUrl: string | undefined;
  /** Present when the output is in no shape the course can read; `baseUrl` is then undefined too. */
  understood?: false;
}

/** The commands to try, newest first; each is run without a shell. */
export const foundryStatusCommands: { generation: FoundryGeneration; args: string[] }[] = [
  { generation: 2, args: ['server', 'status'] },
  { generation: 1, args: ['service', 'status'] },
];

function originIn(address: string): string | undefined {
  try {
    const url = new URL(address);
    return originProblem(url) ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/** Reads a generation's status output: the endpoint's origin, no `baseUrl` when it says the service is not running; never throws. */
export function parseFoundryStatus(output: string, generation: FoundryGeneration): FoundryCliStatus {
  const pattern = generation === 2 ? /Web URLs?\s*:?\s+(https?:\/\/[^\s,]+)/i : /running on\s+(https?:\/\/[^\s]+)/i;
  const notUnderstood: FoundryCliStatus = { generation, baseUrl: undefined, understood: false };
  const found = pattern.exec(output)?.[1];
  if (found === undefined) return /not running/i.test(output) ? { generation, baseUrl: undefined } : notUnderstood;
  const baseUrl = originIn(found);
  return baseUrl === undefined ? notUnderstood : { generation, baseUrl };
}
