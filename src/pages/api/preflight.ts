/**
 * GET /api/preflight — the bridge's half of the pre-flight check: runs the fixed commands of
 * src/lib/preflightCommands.ts (Python, pip, Docker, Node.js) on this computer, each without a shell, with a
 * time limit and a cap on its output, and answers what they printed. The request carries nothing they use;
 * the server has already checked who is asking (src/lib/bridgeSafety.ts). Requests arriving while the
 * commands run share one run.
 */
import { execFile } from 'node:child_process';
import type { APIRoute } from 'astro';
import { commandOutputLimit, commandTimeoutMs, runMachineCommands, systemOfNodePlatform, type CommandRunner, type MachineReport } from '../../lib/preflightCommands';

/** Rendered on demand: this is the bridge, not a page. */
export const prerender = false;

/** What a command may print before it is stopped: far more than is kept, so a chatty one still ends normally. */
const maxOutputBytes = 64 * commandOutputLimit;

/** Runs one fixed command without a shell; a missing program, a failure and a timeout are results, not errors. */
const runCommand: CommandRunner = (program, args) =>
  new Promise((resolve) => {
    execFile(program, args, { timeout: commandTimeoutMs, maxBuffer: maxOutputBytes, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: string | number }) | null;
      const exitCode = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null;
      // Past maxBuffer the command is killed too, but it answered: what it printed so far is kept.
      const problem = failure?.code === 'ENOENT' ? 'missing' : failure?.killed && failure.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? 'timed-out' : undefined;
      resolve({ exitCode, problem, stdout, stderr });
    });
  });

let running: Promise<MachineReport> | undefined;

/** Reports what this computer's commands answered; concurrent requests share one run. */
export const GET: APIRoute = async () => {
  running ??= runMachineCommands(systemOfNodePlatform(process.platform), runCommand).finally(() => (running = undefined));
  return Response.json(await running, { headers: { 'Cache-Control': 'no-store' } });
};
