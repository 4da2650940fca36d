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

export const chromiumExecutable: string | undefined = process.env['CHROMIUM_PATH'] ?? (ownBrowser ? undefined : systemChromium);

export const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launch options, with WebGPU (SwiftShader on a machine without a GPU) unless asked not to. */
export function chromiumLaunchOptions({ webGpu = true } = {}) {
  return {
    ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}),
    args: webGpu ? [...chromiumArgs, '--enable-unsafe-webgpu'] : chromiumArgs,
  };
}
