/**
 * Builds the course with fixture lessons, indexes it for search, and serves it for the browser tests,
 * with two Foundry Local emulators (test doubles) to find: a current one (gen-2) that only the fake
 * `foundry` CLI on PATH reveals, an old one (gen-1, with its stream quirks) on the usual port 5273, and
 * one that sends permissive CORS headers, for the tests of a course hosted without its bridge, and a stand-in
 * for the Hugging Face Hub that the test build downloads browser models from.
 * The build's output is kept in tests/.output/build.log so a test can check it printed no warnings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { startEmulator } from '../emulator/foundry-emulator.ts';
import { emulatorPorts, hubStandInPort } from './emulators.ts';
import { startHubStandIn } from './hubStandIn.ts';

// The browser model demo downloads "Hub" models from the stand-in, never from huggingface.co.
const env = { ...process.env, COURSE_FIXTURES: '1', FORCE_COLOR: '0', COURSE_MODEL_HUB: `http://127.0.0.1:${hubStandInPort}/` };
const port = process.env['TEST_PORT'] ?? '4322';

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    process.stderr.write(output);
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return output;
}

mkdirSync('tests/.output', { recursive: true });
writeFileSync('tests/.output/build.log', run('npx', ['astro', 'build']));
run('npx', ['pagefind', '--site', 'dist-test/client', '--silent']);
run(process.execPath, ['scripts/build-service-worker.ts', 'dist-test/client']);
startHubStandIn(hubStandInPort);
startEmulator({ port: emulatorPorts.current, generation: 2, quirks: false, cors: false });
startEmulator({ port: emulatorPorts.legacy, generation: 1, quirks: true, cors: false });
startEmulator({ port: emulatorPorts.permissive, generation: 2, quirks: false, cors: true });
const fakeCli = { PATH: `${resolve('tests/emulator/bin')}${delimiter}${process.env['PATH']}`, FOUNDRY_EMULATOR_URL: `http://127.0.0.1:${emulatorPorts.current}`, FOUNDRY_EMULATOR_GENERATION: '2' };
spawn(process.execPath, ['scripts/serve-course.ts', '--dist', 'dist-test', '--port', port], { env: { ...env, ...fakeCli }, stdio: 'inherit' });
