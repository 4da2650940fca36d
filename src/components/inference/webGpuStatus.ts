/** The behaviour of <webgpu-status>: run the checks and say what they found, in the reader's language. */
import type { WebGpuVerdict } from '../../lib/webGpuSupport';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { WebGpuStatusKey } from './inferenceStrings';
import { adapterName, probeWebGpu } from './webGpuProbe';

type FailedCheck = Extract<WebGpuVerdict, { available: false }>['failedCheck'];

const failureKey = {
  'insecure-context': 'webgpu.insecureContext',
  'no-api': 'webgpu.noApi',
  'no-adapter': 'webgpu.noAdapter',
} as const satisfies Record<FailedCheck, WebGpuStatusKey>;

class WebGpuStatus extends HTMLElement {
  async connectedCallback() {
    const t = readStrings<WebGpuStatusKey>(this);
    const verdict = await probeWebGpu();
    const output = part(this, '.webgpu-verdict');
    this.dataset['available'] = String(verdict.available);
    if (verdict.available) {
      const kind = verdict.adapter.software ? 'webgpu.software' : 'webgpu.hardware';
      output.textContent = `${t('webgpu.available', { adapter: adapterName(verdict.adapter) })} ${t(kind)}`;
      this.dataset['software'] = String(verdict.adapter.software);
    } else output.textContent = t(failureKey[verdict.failedCheck]);
  }
}

/** Registers <webgpu-status>, once. */
export function defineWebGpuStatus(): void {
  if (!customElements.get('webgpu-status')) customElements.define('webgpu-status', WebGpuStatus);
}
