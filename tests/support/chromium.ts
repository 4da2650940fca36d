/**
 * Which Chromium the browser tests and the bench drive: Playwright's own when it is installed, else the
 * system one (Debian's /usr/bin/chromium), or $CHROMIUM_PATH. Flags keep it quiet on a closed network.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const ownBrowser = (() => {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
})();
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** The browser to launch: $CHROMIUM_PATH, else undefined so Playwright uses its own, else the system Chromium if there is one. */
export const chromiumExecutable: string | undefined = process.env['CHROMIUM_PATH'] ?? (ownBrowser ? undefined : systemChromium);

/** Flags for every launch: no sandbox, and none of Chromium's background traffic (networking, component updates, sync) or first-run prompts. */
export const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launch options, with WebGPU (SwiftShader on a machine without a GPU) unless asked not to. */
export function chromiumLaunchOptions({ webGpu = true } = {}) {
  return {
    ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}),
    args: webGpu ? [...chromiumArgs, '--enable-unsafe-webgpu'] : chromiumArgs,
  };
}
