/** The behaviour of <webgpu-status>: run the checks and say what they found, in the reader's language. */
import { interpolate } from '../../lib/i18n';
import { adapterName, probeWebGpu } from './webGpuProbe';
import { readStrings } from '../dom';

const failureKey = { 'insecure-context': 'webgpu.insecureContext', 'no-api': 'webgpu.noApi', 'no-adapter': 'webgpu.noAdapter' } as const;

class WebGpuStatus extends HTMLElement {
  async connectedCallback() {
    const strings = readStrings(this);
    const verdict = await probeWebGpu();
    const output = this.querySelector('.webgpu-verdict')!;
    this.dataset['available'] = String(verdict.available);
    if (verdict.available) {
      const kind = verdict.adapter.software ? 'webgpu.software' : 'webgpu.hardware';
      output.textContent = `${interpolate(strings['webgpu.available'] ?? '', { adapter: adapterName(verdict.adapter) })} ${strings[kind] ?? ''}`;
      this.dataset['software'] = String(verdict.adapter.software);
    } else output.textContent = strings[failureKey[verdict.failedCheck]] ?? '';
  }
}

export function defineWebGpuStatus(): void {
  if (!customElements.get('webgpu-status')) customElements.define('webgpu-status', WebGpuStatus);
}
