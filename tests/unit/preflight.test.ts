import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiscoveredEndpoint } from '../../src/lib/endpointDiscovery';
import { useTranslations } from '../../src/lib/i18n';
import type { HostSystem } from '../../src/lib/platform';
import {
  browserCheck,
  browserOf,
  chatCheck,
  chatModelOf,
  chooseEndpoint,
  commandFor,
  dockerCheck,
  embeddingModelOf,
  embeddingsCheck,
  minimumNode,
  modelServerCheck,
  nodeCheck,
  preflightReport,
  pythonCheck,
  reasonText,
  simdProbeModule,
  storageCheck,
  storageNeededBytes,
  summarize,
  summaryLine,
  wasmSimdCheck,
  webGpuCheck,
  type CheckedEndpoint,
  type PreflightVerdict,
} from '../../src/lib/preflightChecks';
import {
  commandLine,
  handCommands,
  keptOutput,
  machineCommands,
  runMachineCommands,
  systemOfNodePlatform,
  type CommandResult,
  type MachineCommandId,
  type MachineReport,
} from '../../src/lib/preflightCommands';

const t = useTranslations('en');
const text = (verdict: PreflightVerdict) => reasonText(verdict.reason, t);
const mebibyte = 1024 * 1024;

/** A command's result as the bridge reports it: exit 0 and nothing printed unless said otherwise. */
function ran(id: MachineCommandId, argv: string[], result: Partial<CommandResult> = {}): CommandResult {
  return { id, argv, exitCode: 0, stdout: '', stderr: '', ...result };
}

const missing = { exitCode: null, problem: 'missing' } as const;

/** A machine report on `system` with the given results. */
const report = (system: HostSystem, ...results: CommandResult[]): MachineReport => ({ system, results });

describe('the commands the bridge runs', () => {
  it('are fixed per system: Python through python3, and on Windows through the py launcher first', () => {
    expect(machineCommands('linux').map(({ argv }) => argv.join(' '))).toEqual([
      'python3 --version',
      'python3 -m pip --version',
      'docker --version',
      'docker info --format {{.ServerVersion}}',
      'node --version',
    ]);
    expect(machineCommands('windows').filter(({ id }) => id === 'python-version').map(({ argv }) => argv.join(' '))).toEqual(['py -3 --version', 'python --version', 'python3 --version']);
  });

  it('knows the system from Node’s process.platform', () => {
    expect([systemOfNodePlatform('win32'), systemOfNodePlatform('darwin'), systemOfNodePlatform('linux'), systemOfNodePlatform('freebsd')]).toEqual(['windows', 'macos', 'linux', 'linux']);
  });

  it('keep only printable output, cut to a length a page can show', () => {
    expect(keptOutput('Python 3.12.1\r\n\u001b[31mred\u001b[0m\n')).toBe('Python 3.12.1\n[31mred[0m\n');
    expect(keptOutput('x'.repeat(10_000))).toHaveLength(600);
  });

  it('run every command once, each result labelled with what it asked', async () => {
    const asked: string[] = [];
    const machine = await runMachineCommands('macos', async (program, args) => {
      asked.push([program, ...args].join(' '));
      return { exitCode: 0, stdout: `${program} says hi\r\n`, stderr: '' };
    });
    expect(asked).toHaveLength(machineCommands('macos').length);
    expect(machine.system).toBe('macos');
    expect(machine.results.find((result) => result.id === 'node-version')).toEqual({ id: 'node-version', argv: ['node', '--version'], exitCode: 0, problem: undefined, stdout: 'node says hi\n', stderr: '' });
  });

  it('are written for the reader’s shell, quoting only the word that needs it', () => {
    const info = machineCommands('linux').find(({ id }) => id === 'docker-info')!.argv;
    expect(commandLine(info, 'posix')).toBe("docker info --format '{{.ServerVersion}}'");
    expect(commandLine(info, 'powershell')).toBe("docker info --format '{{.ServerVersion}}'");
    expect(commandLine(info, 'cmd')).toBe('docker info --format "{{.ServerVersion}}"');
    expect(handCommands('python', 'windows', 'cmd')).toBe('py -3 --version\npy -3 -m pip --version');
    expect(handCommands('docker', 'linux', 'posix')).toBe("docker --version\ndocker info --format '{{.ServerVersion}}'");
  });
});

describe('the browser checks', () => {
  const adapter = (vendor: string, architecture: string) => ({ vendor, architecture, description: '', software: /swiftshader/.test(architecture) });
  const nameOf = (info: { vendor: string; architecture: string }) => `${info.vendor} ${info.architecture}`;

  it('pass WebGPU with the adapter named, saying when it is a software one', () => {
    expect(text(webGpuCheck({ available: true, adapter: adapter('nvidia', 'ampere') }, nameOf))).toBe('Adapter: nvidia ampere, a hardware GPU.');
    const software = webGpuCheck({ available: true, adapter: adapter('google', 'swiftshader') }, nameOf);
    expect(software.state).toBe('passed');
    expect(text(software)).toContain('google swiftshader, a software adapter that runs on the CPU');
  });

  it('fail WebGPU with the check that failed', () => {
    const failed = webGpuCheck({ available: false, failedCheck: 'no-adapter' }, nameOf);
    expect(failed).toMatchObject({ state: 'failed', reason: { key: 'webgpu.noAdapter' } });
    expect(webGpuCheck({ available: false, failedCheck: 'insecure-context' }, nameOf).reason.key).toBe('webgpu.insecureContext');
  });

  it('probe SIMD with a module that is valid where SIMD runs (Node has it) and the verdict that reads it', () => {
    expect(WebAssembly.validate(simdProbeModule)).toBe(true);
    // Validation reads the SIMD body: the module cut before its `end` is refused.
    expect(WebAssembly.validate(simdProbeModule.slice(0, -1))).toBe(false);
    expect(wasmSimdCheck({ webAssembly: true, simd: true }).state).toBe('passed');
    expect(wasmSimdCheck({ webAssembly: true, simd: false })).toMatchObject({ state: 'failed', reason: { key: 'preflight.wasm-simd.noSimd' } });
    expect(wasmSimdCheck({ webAssembly: false, simd: false }).reason.key).toBe('preflight.wasm-simd.noWasm');
  });

  it('judge storage by what is left of the quota, against twice the download', () => {
    const needed = storageNeededBytes(28 * mebibyte);
    expect(needed).toBe(56 * mebibyte);
    expect(text(storageCheck({ quota: 10 * 1024 ** 3, usage: 2 * 1024 ** 3 }, needed, 'en'))).toBe('8 GB free for this site; the demos need about 56 MB.');
    const tight = storageCheck({ quota: 100 * mebibyte, usage: 60 * mebibyte }, needed, 'en');
    expect(tight.state).toBe('failed');
    expect(text(tight)).toContain('Only 40 MB free');
    expect(storageCheck({ quota: 10 * mebibyte, usage: 50 * mebibyte }, needed, 'en').state).toBe('failed');
    expect(storageCheck(undefined, needed, 'en').state).toBe('not-checked');
    expect(storageCheck({ usage: 5 }, needed, 'en').state).toBe('not-checked');
  });

  it('read the browser and its version from the user agent, Chromium’s own version for Chrome and Edge', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(browserOf(chrome)).toEqual({ name: 'Chrome', major: 131 });
    expect(browserOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/145.0.7632.6 Safari/537.36')).toEqual({ name: 'Chrome', major: 145 });
    expect(browserOf(`${chrome} Edg/131.0.2903.86`)).toEqual({ name: 'Edge', major: 131 });
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0')).toEqual({ name: 'Firefox', major: 140 });
    expect(browserOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15')).toEqual({ name: 'Safari', major: 26 });
    expect(browserOf('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1')).toBeUndefined();
  });

  it('pass a browser with WebGPU by default, fail an older one, and leave an unknown one unchecked', () => {
    expect(text(browserCheck('… Chrome/113.0.0.0 Safari/537.36'))).toBe('Chrome 113: WebGPU came in Chrome 113.');
    const oldFirefox = browserCheck('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0');
    expect(oldFirefox.state).toBe('failed');
    expect(text(oldFirefox)).toBe('Firefox 128 is older than Firefox 141, the first with WebGPU. Update your browser.');
    expect(browserCheck('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15').state).toBe('failed');
    expect(browserCheck('curl/8.5.0').state).toBe('not-checked');
  });
});

const current: DiscoveredEndpoint = {
  baseUrl: 'http://127.0.0.1:5391',
  kind: 'foundry',
  generation: 2,
  foundBy: 'cli',
  models: [
    { id: 'qwen3-embedding-0.6b-generic-cpu:1', loaded: true },
    { id: 'mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2', loaded: false },
    { id: 'qwen2.5-0.5b-instruct-generic-cpu:4', loaded: true },
    { id: 'Phi-4-mini-instruct-generic-cpu:5', loaded: true },
  ],
};
const legacy: DiscoveredEndpoint = {
  baseUrl: 'http://127.0.0.1:5273',
  kind: 'foundry',
  generation: 1,
  foundBy: 'port',
  models: [{ id: 'Phi-4-mini-instruct-generic-cpu:5', alias: 'phi-4-mini', loaded: false }],
};
const ollama: CheckedEndpoint = { baseUrl: 'http://127.0.0.1:11434', kind: 'ollama', foundBy: 'named', models: [{ id: 'llama3.2:1b' }, { id: 'nomic-embed-text:latest' }] };

describe('the model server check', () => {
  it('passes with the server’s kind, version, address, how it was found and its models', () => {
    const found = modelServerCheck({ outcome: 'found', endpoint: current }, 'linux');
    expect(found.state).toBe('passed');
    expect(text(found)).toBe('Foundry Local (CLI 0.10 or newer) at http://127.0.0.1:5391, found through the foundry command: 4 models, 3 loaded.');
    expect(text(modelServerCheck({ outcome: 'found', endpoint: ollama }, 'linux'))).toBe('Ollama at http://127.0.0.1:11434, named in this page’s address: 2 models.');
  });

  it('fails when nothing answers, with the command that starts Foundry Local for the CLI generation that answered', () => {
    const nothing = modelServerCheck({ outcome: 'none-found', cli: [{ generation: 2, answered: false }, { generation: 1, answered: true }] }, 'windows');
    expect(nothing).toMatchObject({ state: 'failed', reason: { key: 'preflight.model-server.none' } });
    expect(nothing.fix?.powershell).toBe('foundry model run phi-4-mini\nfoundry service status');
    const stale = modelServerCheck({ outcome: 'none-found', cli: [{ generation: 2, answered: true, baseUrl: 'http://127.0.0.1:5391' }, { generation: 1, answered: false }] }, 'linux');
    expect(text(stale)).toBe('foundry server status says the server is at http://127.0.0.1:5391, but nothing answers there. Start it again with a model.');
    expect(stale.fix?.posix).toBe('foundry run phi-4-mini\nfoundry server status');
  });

  it('fails without the foundry command, with its installer where Foundry Local has one', () => {
    const none = { outcome: 'none-found', cli: [{ generation: 2, answered: false }, { generation: 1, answered: false }] } as const;
    expect(modelServerCheck(none, 'windows').fix?.cmd).toBe('winget install Microsoft.FoundryLocal');
    expect(modelServerCheck(none, 'macos').fix?.posix).toBe('brew tap microsoft/foundrylocal\nbrew install foundrylocal');
    const linux = modelServerCheck(none, 'linux');
    expect(linux.state).toBe('failed');
    expect(linux.fix).toBeUndefined();
  });

  it('fails an endpoint that does not answer through the bridge with the diagnosis and its fix', () => {
    const refused = modelServerCheck({ outcome: 'unreachable', baseUrl: 'http://127.0.0.1:5399', failure: { status: 502, message: '{"error":{"message":"Nothing answered at http://127.0.0.1:5399","type":"bridge_unreachable"}}', direct: false } }, 'linux');
    expect(refused).toMatchObject({ state: 'failed', reason: { key: 'diagnosis.nothing-listening' } });
    expect(refused.fix).toEqual({ powershell: 'foundry run phi-4-mini\nfoundry server status', cmd: 'foundry run phi-4-mini\nfoundry server status', posix: 'foundry run phi-4-mini\nfoundry server status' });
    const blocked = modelServerCheck({ outcome: 'unreachable', baseUrl: 'http://127.0.0.1:5273', failure: { status: undefined, message: 'Failed to fetch', direct: true } }, 'linux');
    expect(blocked.reason.key).toBe('diagnosis.cors-blocked');
    expect(blocked.fix?.posix).toBe('npm start');
  });

  it('is not checked on a static host with no endpoint to try, and says what to run instead', () => {
    expect(modelServerCheck({ outcome: 'no-bridge' }, 'linux')).toMatchObject({ state: 'not-checked', byHand: { posix: 'foundry server status' } });
  });

  it('checks the endpoint chosen in the lesson when the bridge finds it, else one with a loaded chat model', () => {
    expect(chooseEndpoint([legacy, current], 'http://127.0.0.1:5273')).toBe(legacy);
    expect(chooseEndpoint([legacy, current], 'http://127.0.0.1:9999')).toBe(current);
    expect(chooseEndpoint([legacy], undefined)).toBe(legacy);
    expect(chooseEndpoint([], undefined)).toBeUndefined();
  });

  it('asks the chat model chosen earlier if it may be loaded, never an embedding model, and embeds with a loaded embedding model', () => {
    expect(chatModelOf(current, 'Phi-4-mini-instruct-generic-cpu:5')).toBe('Phi-4-mini-instruct-generic-cpu:5');
    expect(chatModelOf(current, 'mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2')).toBe('qwen2.5-0.5b-instruct-generic-cpu:4');
    expect(chatModelOf(legacy, undefined)).toBeUndefined();
    expect(chatModelOf(ollama, undefined)).toBe('llama3.2:1b');
    expect(embeddingModelOf(current)).toBe('qwen3-embedding-0.6b-generic-cpu:1');
    expect(embeddingModelOf(legacy)).toBeUndefined();
  });
});

describe('the chat check', () => {
  it('waits for a server', () => {
    expect(chatCheck(undefined, undefined, 'en')).toMatchObject({ state: 'not-checked', reason: { key: 'preflight.needsServer' } });
  });

  it('passes with the reply on one line and the time to first token', () => {
    const answered = chatCheck(current, { outcome: 'answered', model: 'qwen2.5-0.5b-instruct-generic-cpu:4', reply: '**Yes**,\n\nready.', timeToFirstTokenMs: 84.26 }, 'en');
    expect(answered.state).toBe('passed');
    expect(text(answered)).toBe('qwen2.5-0.5b-instruct-generic-cpu:4 answered, first token after 84.3 ms: “**Yes**, ready.”');
    const long = chatCheck(current, { outcome: 'answered', model: 'm', reply: 'word '.repeat(100), timeToFirstTokenMs: undefined }, 'en');
    expect(text(long)).toMatch(/after —: “(word ){19}word…”$/);
  });

  it('fails an empty answer, a model that is not loaded, a server error and a timeout, each with its own reason', () => {
    expect(chatCheck(current, { outcome: 'answered', model: 'm', reply: ' \n', timeToFirstTokenMs: 3 }, 'en').reason.key).toBe('preflight.chat.empty');
    const notLoaded = chatCheck(legacy, { outcome: 'failed', model: 'Phi-4-mini-instruct-generic-cpu:5', failure: { status: 500, message: 'Model not loaded', direct: false } }, 'en');
    expect(notLoaded.reason.key).toBe('diagnosis.model-not-loaded');
    // Gen-1's CLI takes the alias the server reported.
    expect(notLoaded.fix?.posix).toBe('foundry model run phi-4-mini');
    const serverError = chatCheck(current, { outcome: 'failed', model: 'm:1', failure: { status: 500, message: 'System.NullReferenceException', direct: false } }, 'en');
    expect(text(serverError)).toBe('The server answered with an error: System.NullReferenceException');
    expect(serverError.fix).toBeUndefined();
    expect(text(chatCheck(current, { outcome: 'timed-out', model: 'deepseek', seconds: 60 }, 'en'))).toContain('deepseek gave no answer within 60 s');
  });

  it('fails when no chat model is loaded, with the command that loads one', () => {
    const none = chatCheck(legacy, { outcome: 'no-model' }, 'en');
    expect(text(none)).toBe('http://127.0.0.1:5273 has no chat model loaded. Load one.');
    expect(none.fix?.powershell).toBe('foundry model run phi-4-mini');
  });

  it('leaves a shell out of the fix when the model id cannot be quoted for it', () => {
    const hostile = chatCheck(current, { outcome: 'failed', model: 'phi"x', failure: { status: 400, message: 'Model not loaded', direct: false } }, 'en');
    expect(hostile.fix).toEqual({ posix: `foundry run 'phi"x'` });
  });
});

describe('the embeddings check', () => {
  it('passes with the vector length, fails (optional) without an embedding model, and diagnoses a failed call', () => {
    expect(text(embeddingsCheck(current, { outcome: 'embedded', model: 'qwen3-embedding-0.6b-generic-cpu:1', dimensions: 64 }))).toBe('qwen3-embedding-0.6b-generic-cpu:1 turns text into vectors of 64 numbers.');
    expect(embeddingsCheck(legacy, { outcome: 'no-model' })).toMatchObject({ state: 'failed', reason: { key: 'preflight.embeddings.none' } });
    expect(embeddingsCheck(current, { outcome: 'failed', model: 'e:1', failure: { status: 400, message: 'Model not loaded', direct: false } }).fix?.posix).toBe('foundry run e:1');
    expect(embeddingsCheck(undefined, undefined).state).toBe('not-checked');
  });
});

describe('the Python check', () => {
  const python = (version: Partial<CommandResult>, pip: Partial<CommandResult>, launcher = ['python3']) => [
    ran('python-version', [...launcher, '--version'], version),
    ran('pip-version', [...launcher, '-m', 'pip', '--version'], pip),
  ];
  const pip24 = { stdout: 'pip 24.0 from /usr/lib/python3/dist-packages/pip (python 3.12)\n' };
  const noPip = { exitCode: 1, stderr: '/usr/bin/python3: No module named pip\n' };

  it('passes Python 3.10 or newer with pip, naming the command that has them', () => {
    expect(text(pythonCheck(report('linux', ...python({ stdout: 'Python 3.12.3\n' }, pip24)), 'linux'))).toBe('Python 3.12.3 with pip 24.0 (python3).');
    expect(pythonCheck(report('linux', ...python({ stdout: 'Python 3.10.0\n' }, pip24)), 'linux').state).toBe('passed');
  });

  it('reads an old Python’s version from stderr, where Python 2 prints it, and asks for a newer one', () => {
    const two = pythonCheck(report('macos', ...python({ stderr: 'Python 2.7.18\n' }, noPip)), 'macos');
    expect(two).toMatchObject({ state: 'failed', reason: { key: 'preflight.python.old', values: { version: 'Python 2.7.18' } } });
    expect(two.fix?.posix).toBe('brew install python@3.12');
    expect(pythonCheck(report('linux', ...python({ stdout: 'Python 3.9.18\n' }, pip24)), 'linux').reason.key).toBe('preflight.python.old');
  });

  it('asks for pip where Python has none: the package manager on Linux, ensurepip elsewhere', () => {
    const linux = pythonCheck(report('linux', ...python({ stdout: 'Python 3.12.3\n' }, noPip)), 'linux');
    expect(text(linux)).toBe('Python 3.12.3 has no pip (python3 -m pip failed). Add it.');
    expect(linux.fix).toEqual({ posix: 'sudo apt-get install python3-pip python3-venv' });
    expect(pythonCheck(report('windows', ...python({ stdout: 'Python 3.12.3\n' }, noPip, ['py', '-3'])), 'windows').fix?.powershell).toBe('py -3 -m ensurepip --upgrade');
  });

  it('on Windows, looks past a missing py launcher and the Microsoft Store stand-in to a working python3', () => {
    const windows = report(
      'windows',
      ...python(missing, missing, ['py', '-3']),
      ...python({ exitCode: 9009, stderr: 'Python was not found; run without arguments to install from the Microsoft Store, or disable this shortcut from Settings > Manage App Execution Aliases.\n' }, { exitCode: 9009 }, ['python']),
      ...python({ stdout: 'Python 3.13.1\n' }, { stdout: 'pip 24.3.1 from C:\\Python313\\Lib\\site-packages\\pip (python 3.13)\n' }),
    );
    expect(text(pythonCheck(windows, 'windows'))).toBe('Python 3.13.1 with pip 24.3.1 (python3).');
  });

  it('fails when no launcher gives a version, saying which were tried, with the installer for the system', () => {
    const none = pythonCheck(report('windows', ...python(missing, missing, ['py', '-3']), ...python({ exitCode: 9009 }, { exitCode: 9009 }, ['python']), ...python(missing, missing)), 'windows');
    expect(text(none)).toBe('Python is not on this computer (tried: py -3, python, python3). Install Python 3.12.');
    expect(none.fix?.cmd).toBe('winget install -e --id Python.Python.3.12');
    // pyenv's shim for a version that is not installed prints an error, not a version.
    expect(pythonCheck(report('linux', ...python({ exitCode: 127, stderr: 'pyenv: python3: command not found\n' }, { exitCode: 127 })), 'linux').reason.key).toBe('preflight.python.missing');
  });

  it('says when Python did not answer in time', () => {
    expect(text(pythonCheck(report('linux', ...python({ exitCode: null, problem: 'timed-out' }, { exitCode: null, problem: 'timed-out' })), 'linux'))).toBe(
      'python3 --version did not answer within 5 s. Check again, or run it yourself to see what it waits for.',
    );
  });

  it('without the bridge, is not checked and gives the commands for the reader’s system', () => {
    expect(pythonCheck(undefined, 'windows')).toMatchObject({ state: 'not-checked', byHand: { powershell: 'py -3 --version\npy -3 -m pip --version' } });
    expect(pythonCheck(undefined, 'macos').byHand?.posix).toBe('python3 --version\npython3 -m pip --version');
  });
});

describe('the Docker check', () => {
  const docker = (version: Partial<CommandResult>, info: Partial<CommandResult>) => [
    ran('docker-version', ['docker', '--version'], version),
    ran('docker-info', ['docker', 'info', '--format', '{{.ServerVersion}}'], info),
  ];
  const client = { stdout: 'Docker version 28.2.2, build e6534b4\n' };
  const daemonDown = { exitCode: 1, stdout: '\n', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' };

  it('passes with the client and the daemon answering', () => {
    expect(text(dockerCheck(report('linux', ...docker(client, { stdout: '28.2.2\n' })), 'linux'))).toBe('Docker 28.2.2, with its daemon 28.2.2 running.');
  });

  it('fails when docker --version works but docker info cannot reach the daemon, with how to start it on each system', () => {
    const linux = dockerCheck(report('linux', ...docker(client, daemonDown)), 'linux');
    expect(linux.state).toBe('failed');
    expect(text(linux)).toBe('Docker 28.2.2 is installed, but its daemon is not running. docker info said: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
    expect(linux.fix).toEqual({ posix: 'sudo systemctl start docker' });
    expect(dockerCheck(report('macos', ...docker(client, daemonDown)), 'macos').fix?.posix).toBe('open -a Docker');
    const windows = dockerCheck(report('windows', ...docker({ stdout: 'Docker version 27.4.0, build bde2b89\r\n' }, { exitCode: 1, stderr: 'error during connect: this error may indicate that the docker daemon is not running' })), 'windows');
    expect(windows.fix?.powershell).toBe('Start-Process "$env:ProgramFiles\\Docker\\Docker\\Docker Desktop.exe"');
    expect(windows.fix?.cmd).toBe('start "" "%ProgramFiles%\\Docker\\Docker\\Docker Desktop.exe"');
  });

  it('does not take an empty answer from docker info for a running daemon', () => {
    expect(dockerCheck(report('linux', ...docker(client, { exitCode: 0, stdout: '\n' })), 'linux').reason.key).toBe('preflight.docker.daemonDown');
  });

  it('tells a daemon that refuses the user from one that is down', () => {
    const refused = dockerCheck(report('linux', ...docker(client, { exitCode: 1, stderr: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n' })), 'linux');
    expect(refused.reason.key).toBe('preflight.docker.permission');
    expect(refused.fix?.posix).toBe('sudo usermod -aG docker "$USER"\nnewgrp docker');
  });

  it('says a slow daemon may still be starting', () => {
    expect(dockerCheck(report('macos', ...docker(client, { exitCode: null, problem: 'timed-out' })), 'macos')).toMatchObject({ reason: { key: 'preflight.docker.daemonSlow' }, fix: { posix: 'open -a Docker' } });
  });

  it('fails without Docker, with its installer', () => {
    expect(dockerCheck(report('windows', ...docker(missing, missing)), 'windows')).toMatchObject({ reason: { key: 'preflight.docker.missing' }, fix: { powershell: 'winget install -e --id Docker.DockerDesktop' } });
  });

  it('accepts Podman standing in for docker', () => {
    expect(text(dockerCheck(report('linux', ...docker({ stdout: 'podman version 5.0.2\n' }, { stdout: '5.0.2\n' })), 'linux'))).toBe('Docker 5.0.2, with its daemon 5.0.2 running.');
  });
});

describe('the Node.js check', () => {
  const node = (result: Partial<CommandResult>) => report('linux', ran('node-version', ['node', '--version'], result));

  it('passes from package.json’s minimum on, and fails below it', () => {
    expect(text(nodeCheck(node({ stdout: 'v22.18.0\n' }), 'linux'))).toBe('Node.js v22.18.0.');
    expect(nodeCheck(node({ stdout: 'v24.1.0\n' }), 'linux').state).toBe('passed');
    expect(text(nodeCheck(node({ stdout: 'v22.17.0\n' }), 'linux'))).toBe('Node.js v22.17.0 is older than 22.18, which the course and its labs need. Install Node.js 22 LTS.');
    expect(nodeCheck(node({ stdout: 'v20.20.2\n' }), 'linux').fix?.posix).toBe('nvm install 22');
    expect(nodeCheck(node(missing), 'linux').reason.key).toBe('preflight.node.missing');
  });

  it('uses the same minimum as package.json’s engines', () => {
    const engines = JSON.parse(readFileSync('package.json', 'utf8')).engines.node as string;
    expect(engines).toBe(`>=${minimumNode.major}.${minimumNode.minor}`);
  });
});

describe('the summary', () => {
  const passed = (id: PreflightVerdict['id']): PreflightVerdict => ({ id, state: 'passed', reason: { key: 'preflight.wasm-simd.passed' } });
  const allRequired = (['wasm-simd', 'storage', 'model-server', 'chat', 'python', 'docker', 'node'] as const).map(passed);
  const dockerDown = dockerCheck(
    report('linux', ran('docker-version', ['docker', '--version'], { stdout: 'Docker version 28.2.2, build e6534b4' }), ran('docker-info', ['docker', 'info'], { exitCode: 1, stderr: 'Cannot connect to the Docker daemon' })),
    'linux',
  );

  it('counts required checks only: optional ones that fail do not hold the learner back', () => {
    const optionalFailed: PreflightVerdict = { id: 'webgpu', state: 'failed', reason: { key: 'webgpu.noApi' } };
    expect(summaryLine(summarize([...allRequired, optionalFailed]), t, 'en')).toBe('Ready for Session 4: 7 of 7.');
  });

  it('names what to fix and what was not checked', () => {
    const withDocker = [...allRequired.filter((entry) => entry.id !== 'docker'), dockerDown];
    expect(summaryLine(summarize(withDocker), t, 'en')).toBe('Ready for Session 4: 6 of 7 — fix: Docker and its daemon.');
    const staticHost = [...allRequired.filter((entry) => !['python', 'node'].includes(entry.id)), pythonCheck(undefined, 'linux'), nodeCheck(undefined, 'linux')];
    expect(summaryLine(summarize(staticHost), t, 'en')).toBe('Ready for Session 4: 5 of 7 — not checked: Python 3.10+ with pip and Node.js 22.18+.');
    const both = [...staticHost.filter((entry) => entry.id !== 'docker'), dockerDown];
    expect(summaryLine(summarize(both), t, 'en')).toBe('Ready for Session 4: 4 of 7 — fix: Docker and its daemon; not checked: Python 3.10+ with pip and Node.js 22.18+.');
    expect(summarize([]).notChecked).toHaveLength(7);
  });

  it('is written in the reader’s language, lists joined as it joins them', () => {
    const line = summaryLine(summarize([passed('chat')]), useTranslations('ar'), 'ar');
    expect(line).toMatch(/^الجاهزية للجلسة 4: 1 من 7 — لم يُفحص: .+ و.+\.$/);
  });

  it('copies as text: the summary, each check with its state and reason, and the fix for the chosen shell', () => {
    const copied = preflightReport([...allRequired.filter((entry) => !['docker', 'python'].includes(entry.id)), dockerDown, pythonCheck(undefined, 'linux')], { t, locale: 'en', shell: 'posix' });
    const lines = copied.split('\n');
    expect(lines[0]).toBe('Ready for Session 4: 5 of 7 — fix: Docker and its daemon; not checked: Python 3.10+ with pip.');
    expect(copied).toContain('Failed — Docker and its daemon: Docker 28.2.2 is installed, but its daemon is not running. docker info said: Cannot connect to the Docker daemon\n  Fix (macOS / Linux):\n    sudo systemctl start docker');
    expect(copied).toContain('Not checked — Python 3.10+ with pip: Only the course running on your computer (npm start) can run this check. Run it yourself.\n  Run it yourself (macOS / Linux):\n    python3 --version\n    python3 -m pip --version');
    // In the order the page shows the checks.
    expect(lines.filter((line) => /^(Passed|Failed|Not checked) — /.test(line)).map((line) => line.split(' — ')[1]!.split(':')[0])).toEqual([
      'WebAssembly with SIMD', 'Storage for the in-browser runtime', 'A local model server', 'A model that answers', 'Python 3.10+ with pip', 'Docker and its daemon', 'Node.js 22.18+',
    ]);
    expect(preflightReport([{ id: 'webgpu', state: 'failed', reason: { key: 'webgpu.noApi' } }], { t, locale: 'en', shell: 'posix' })).toContain('Failed — WebGPU (optional): ');
  });

  it('shows the reader’s shell’s command, else the one shell it was written for', () => {
    expect(commandFor({ powershell: 'a', posix: 'b' }, 'posix')).toEqual({ shell: 'posix', command: 'b' });
    expect(commandFor({ posix: 'b' }, 'powershell')).toEqual({ shell: 'posix', command: 'b' });
    expect(commandFor(undefined, 'cmd')).toBeUndefined();
  });
});
