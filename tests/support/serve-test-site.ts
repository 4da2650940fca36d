/**
 * Builds the course with fixture lessons, indexes it for search, and serves it for the browser tests.
 * The build's output is kept in tests/.output/build.log so a test can check it printed no warnings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const env = { ...process.env, COURSE_FIXTURES: '1', FORCE_COLOR: '0' };
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
spawn(process.execPath, ['dist-test/server/entry.mjs'], { env: { ...env, PORT: port }, stdio: 'inherit' });
