/**
 * How the bridge's discovery reads a model server's JSON: never following a redirect (a local port that
 * redirects elsewhere is not a model server, and must not send the bridge off the machine), never reading
 * past a cap, never waiting past a timeout. Any failure is undefined: discovery only wants what answers.
 */
import { readStream } from './bytes.ts';

/** GETs `url` and parses its JSON; undefined on a redirect, an error status, a body over `maxBytes`, bad JSON or a timeout. */
export async function probeJson(url: string, { timeoutMs, maxBytes }: { timeoutMs: number; maxBytes: number }): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return undefined;
    }
    const bytes = await readStream(response.body, { maxBytes });
    return bytes === 'too-large' ? undefined : JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
