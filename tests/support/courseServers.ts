/**
 * Extra servers for the bridge's hardening tests, all on this machine: another copy of the built course
 * started the way `npm start` starts it (with its own environment and flags) or from its bare Node entry, a dev server, and a stand-in
 * upstream that records every request reaching it — to prove what the bridge never forwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

/** A started process, and how to stop it. */
export interface Started {
  output: () => string;
  stop: () => void;
}

/** Runs `command` until its output contains `ready`, or fails after `timeoutMs` with what it printed. */
function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: string, timeoutMs: number): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve({ output: () => output, stop: () => child.kill() });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

/** The built test course, served by scripts/serve-course.ts on `port` with extra environment and flags. */
export function startCourse(port: number, env: NodeJS.ProcessEnv = {}, flags: string[] = []): Promise<Started> {
  return startProcess(['scripts/serve-course.ts', '--dist', 'dist-test', '--port', String(port), ...flags], env, 'Edge AI Workshop:', 20_000);
}

/** The built test course's own Node entry (not npm start's server) on `port`, with extra environment (e.g. HOST). */
export function startBuiltEntry(port: number, env: NodeJS.ProcessEnv = {}): Promise<Started> {
  return startProcess(['dist-test/server/entry.mjs'], { PORT: String(port), ...env }, 'Server listening on', 20_000);
}

/** `astro dev` on `port`, with extra flags (e.g. --host). */
export function startDevServer(port: number, flags: string[] = []): Promise<Started> {
  return startProcess(['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), ...flags], {}, 'ready in', 90_000);
}

/** A request that reached the stand-in upstream. */
export interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
}

/** A stand-in upstream on every interface that records requests and answers with `answer`. */
export async function startRecorder(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ port: number; requests: Recorded[]; stop: () => void }> {
  const requests: Recorded[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { port: (server.address() as AddressInfo).port, requests, stop: () => server.close() };
}

/** This machine's address on its network (not loopback), as another computer on the LAN would reach it. */
export function lanAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
  if (!address) throw new Error('This machine has no non-loopback IPv4 address to test LAN access with.');
  return address;
}
