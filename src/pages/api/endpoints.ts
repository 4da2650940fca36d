/**
 * GET /api/endpoints — the bridge's discovery: which local model servers answer on this machine (probes
 * read by src/lib/probeJson.ts: no redirects, capped, timed out); requests arriving while one runs share it.
 */
import { execFile } from 'node:child_process';
import type { APIRoute } from 'astro';
import { discoverEndpoints, type DiscoveryReport } from '../../lib/endpointDiscovery';
import { probeJson } from '../../lib/probeJson';

/** Rendered on demand: this is the bridge, not a page. */
export const prerender = false;

const commandTimeoutMs = 3000;
const probeTimeoutMs = 1500;
/** A status or model list is a few kilobytes; a large catalogue well under this. */
const maxProbeBytes = 2 * 1024 * 1024;

function runFoundry(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Fixed arguments, no shell: nothing from the request reaches this command line.
    execFile('foundry', args, { timeout: commandTimeoutMs, windowsHide: true, maxBuffer: 64 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

const getJson = (url: string) => probeJson(url, { timeoutMs: probeTimeoutMs, maxBytes: maxProbeBytes });

let running: Promise<DiscoveryReport> | undefined;

/** Reports the model servers found now; concurrent requests share one discovery. */
export const GET: APIRoute = async () => {
  running ??= discoverEndpoints({ runFoundry, getJson }).finally(() => (running = undefined));
  return Response.json(await running, { headers: { 'Cache-Control': 'no-store' } });
};
