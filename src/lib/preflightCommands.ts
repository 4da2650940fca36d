/**
 * The fixed commands the pre-flight check runs on the learner's computer, through the course's bridge
 * (`GET /api/preflight`), to see whether Session 4's tools are there: Python with pip (Chainlit, Part 3),
 * Docker with its daemon (Open WebUI, Part 5) and Node.js (the course and its labs). Nothing from a request
 * reaches them: the list is fixed per operating system, and each runs without a shell. On Windows the
 * course tries the `py` launcher first (what python.org installs), then `python` and `python3`, which may
 * be the Microsoft Store's stand-ins that only print where to get Python. A statically hosted copy has no
 * bridge: the page then shows these same commands for the learner to run by hand, quoted for their shell.
 */
import type { HostSystem } from './platform';
import type { Shell } from './preferences';
import { quoteForShell } from './shellQuote';

/** What a command asks: Python's version, pip's, the Docker client's, the Docker daemon's, or Node's. */
export type MachineCommandId = 'python-version' | 'pip-version' | 'docker-version' | 'docker-info' | 'node-version';

/** One fixed command: what it asks and its program and arguments, run without a shell. */
export interface MachineCommand {
  id: MachineCommandId;
  argv: readonly [string, ...string[]];
}

/** What running one command gave: its exit code (null when it did not end by itself), its output, and why it did not run. */
export interface CommandResult {
  id: MachineCommandId;
  argv: readonly string[];
  exitCode: number | null;
  /** `missing`: no such program; `timed-out`: stopped after the time limit. */
  problem?: 'missing' | 'timed-out' | undefined;
  stdout: string;
  stderr: string;
}

/** Everything the bridge ran, on which system: what the pre-flight page judges. */
export interface MachineReport {
  system: HostSystem;
  results: CommandResult[];
}

/** How long one command may take: `docker info` waits for a daemon that may be starting. */
export const commandTimeoutMs = 5000;

/** How much of each output stream is kept: a version line is short; an error a few lines. */
export const commandOutputLimit = 600;

/** The ways to start Python 3, in the order tried. */
const pythonLaunchers: Record<HostSystem, readonly (readonly [string, ...string[]])[]> = {
  windows: [['py', '-3'], ['python'], ['python3']],
  macos: [['python3']],
  linux: [['python3']],
};

/** The commands run on `system`, Python's once per launcher. */
export function machineCommands(system: HostSystem): MachineCommand[] {
  return [
    ...pythonLaunchers[system].flatMap((launcher): MachineCommand[] => [
      { id: 'python-version', argv: [...launcher, '--version'] },
      { id: 'pip-version', argv: [...launcher, '-m', 'pip', '--version'] },
    ]),
    { id: 'docker-version', argv: ['docker', '--version'] },
    { id: 'docker-info', argv: ['docker', 'info', '--format', '{{.ServerVersion}}'] },
    { id: 'node-version', argv: ['node', '--version'] },
  ];
}

/** The system a Node.js `process.platform` names. */
export function systemOfNodePlatform(platform: string): HostSystem {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  return 'linux';
}

/** Output as a page may show it: no control characters but line breaks and tabs (Windows' \r goes too), cut to `commandOutputLimit`. */
export function keptOutput(output: string): string {
  const printable = output.replace(/[^\P{Cc}\n\t]/gu, '');
  return printable.length > commandOutputLimit ? printable.slice(0, commandOutputLimit) : printable;
}

/** Runs one program with its arguments; resolves with what happened, never rejects. */
export type CommandRunner = (program: string, args: readonly string[]) => Promise<Omit<CommandResult, 'id' | 'argv'>>;

/** Runs every command for `system` at once with `run`, keeping only the readable part of their output. */
export async function runMachineCommands(system: HostSystem, run: CommandRunner): Promise<MachineReport> {
  const results = await Promise.all(
    machineCommands(system).map(async ({ id, argv }): Promise<CommandResult> => {
      const [program, ...args] = argv;
      const outcome = await run(program, args);
      return { id, argv, exitCode: outcome.exitCode, problem: outcome.problem, stdout: keptOutput(outcome.stdout), stderr: keptOutput(outcome.stderr) };
    }),
  );
  return { system, results };
}

/** Words no shell reads specially: the fixed commands' programs, options and versions. */
const plainArgument = /^[A-Za-z0-9_.:/+=@-]+$/;

/** A command as the learner types it in `shell`: a word only quoted when it must be (`{{.ServerVersion}}` must, in PowerShell). */
export function commandLine(argv: readonly string[], shell: Shell): string {
  return argv
    .map((word) => {
      if (plainArgument.test(word)) return word;
      const quoted = quoteForShell(word, shell);
      // The fixed words here are all quotable; a refusal would mean one was changed to a word that is not.
      if (typeof quoted !== 'string') throw new Error(`"${word}" cannot be quoted for ${shell}.`);
      return quoted;
    })
    .join(' ');
}

/** The machine checks' commands, by what they check. */
const commandsOfCheck = {
  python: ['python-version', 'pip-version'],
  docker: ['docker-version', 'docker-info'],
  node: ['node-version'],
} as const satisfies Record<string, readonly MachineCommandId[]>;

/** A check that runs commands on the learner's computer. */
export type MachineCheckId = keyof typeof commandsOfCheck;

/** The ids of the commands a machine check reads. */
export function commandIdsOf(check: MachineCheckId): readonly MachineCommandId[] {
  return commandsOfCheck[check];
}

/** What a learner without the bridge runs instead of a machine check, one command a line (Python through its first launcher). */
export function handCommands(check: MachineCheckId, system: HostSystem, shell: Shell): string {
  const launcher = pythonLaunchers[system][0]!;
  return machineCommands(system)
    .filter(({ id, argv }) => (commandIdsOf(check) as readonly string[]).includes(id) && (check !== 'python' || argv[0] === launcher[0]))
    .map(({ argv }) => commandLine(argv, shell))
    .join('\n');
}
