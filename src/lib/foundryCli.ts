/**
 * Reads the endpoint out of Foundry Local's CLI status output, for both generations:
 *   0.8 and older: `foundry service status` → "🟢 Model management service is running on http://127.0.0.1:PORT/openai/status"
 *   0.10 and newer: `foundry server status` → a table with a line "Web URLs  http://127.0.0.1:PORT"
 * Source: Foundry Local's CLI and issue tracker (see the course's local-model-endpoints reference).
 */

/** Foundry Local's CLI generation: 1 for 0.8 and older (`foundry service …`), 2 for 0.10 and newer (`foundry server …`). */
export type FoundryGeneration = 1 | 2;

/** What a status command's output says about the endpoint of one CLI generation. */
export interface FoundryCliStatus {
  generation: FoundryGeneration;
  /** The endpoint's base URL (no path), or undefined when the CLI says the service is not running. */
  baseUrl: string | undefined;
}

/** The commands to try, newest first; each is run without a shell. */
export const foundryStatusCommands: { generation: FoundryGeneration; args: string[] }[] = [
  { generation: 2, args: ['server', 'status'] },
  { generation: 1, args: ['service', 'status'] },
];

/** Reads the endpoint's origin out of a generation's status output; `baseUrl` is undefined when the output names no URL. */
export function parseFoundryStatus(output: string, generation: FoundryGeneration): FoundryCliStatus {
  const pattern = generation === 2 ? /Web URLs?\s*:?\s+(https?:\/\/[^\s,]+)/i : /running on\s+(https?:\/\/[^\s]+)/i;
  const found = pattern.exec(output)?.[1];
  if (!found) return { generation, baseUrl: undefined };
  const url = new URL(found);
  return { generation, baseUrl: url.origin };
}
