/**
 * Browser tests against a production build of the course with fixture lessons added (COURSE_FIXTURES=1).
 * Uses Playwright's own Chromium when it is installed, else the system one (Debian's /usr/bin/chromium).
 * WebGPU is enabled: headless Chromium runs it on the CPU (SwiftShader) on pages served from localhost.
 */
import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const port = 4322;
const ownBrowser = (() => {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
})();
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const executablePath = process.env['CHROMIUM_PATH'] ?? (ownBrowser ? undefined : systemChromium);
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [...chromiumArgs, '--enable-unsafe-webgpu'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /no-webgpu\.spec/ },
    { name: 'chromium-without-webgpu', testMatch: /no-webgpu\.spec/, use: { launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs } } },
  ],
  webServer: {
    command: 'node tests/support/serve-test-site.ts',
    url: `http://localhost:${port}/en/`,
    env: { COURSE_FIXTURES: '1', TEST_PORT: String(port) },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
