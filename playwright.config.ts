/**
 * Browser tests against a production build of the course with fixture lessons added (COURSE_FIXTURES=1).
 * WebGPU is enabled: headless Chromium runs it on the CPU (SwiftShader) on pages served from localhost;
 * one project runs without it, to check the fallback.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

const port = 4322;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // Demo tests wait for WebGPU shader compilation on a software adapter: seconds per first run on a busy CI machine.
  timeout: 60_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${port}`,
    launchOptions: chromiumLaunchOptions(),
    // The course's service worker would precache the site in every test's fresh browser and answer requests
    // before the page's own routes see them; the offline tests turn it on (tests/e2e/offline.spec.ts).
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'chromium', testIgnore: /no-webgpu\.spec/ },
    { name: 'chromium-without-webgpu', testMatch: /no-webgpu\.spec/, use: { launchOptions: chromiumLaunchOptions({ webGpu: false }) } },
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
