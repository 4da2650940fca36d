/** GET /api/endpoints — the bridge's discovery: which local model servers answer on this machine. */
import { execFile } from 'node:child_process';
import type { APIRoute } from 'astro';
import { discoverEndpoints } from '../../lib/endpointDiscovery';

/** Rendered on each request: it looks at what runs on the learner's machine now. */
export const prerender = false;

const commandTimeoutMs = 3000;
const probeTimeoutMs = 1500;

function runFoundry(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Fixed arguments, no shell: nothing from the request reaches this command line.
    execFile('foundry', args, { timeout: commandTimeoutMs, windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

async function getJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(probeTimeoutMs) });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Answers the discovery report as JSON, never cached, since servers start and stop. */
export const GET: APIRoute = async () => {
  const report = await discoverEndpoints({ runFoundry, getJson });
  return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
};
