/**
 * Drives a <ProviderChoice> radio group (Auto, if the group has it, WebGPU, WebAssembly): where WebGPU does
 * not run, its radio is disabled and a check on it moves to the fallback, so the group never shows a
 * choice the demo cannot honour.
 */
import type { Provider } from '../../lib/inferenceProtocol';
import { part, parts } from '../dom';
import { probeWebGpu } from './webGpuProbe';

/** The provider radio group inside a demo's markup: which provider the learner chose, resolved to one that runs here. */
export class ProviderChoice {
  private readonly radios: HTMLInputElement[];

  constructor(root: HTMLElement) {
    this.radios = parts<HTMLInputElement>(part(root, '.provider-choice'), 'input[type=radio]');
    void probeWebGpu().then(({ available }) => {
      if (!available) this.withoutWebGpu();
    });
  }

  /** Calls `listener` whenever the learner picks another provider. */
  onChange(listener: () => void): void {
    for (const radio of this.radios) radio.addEventListener('change', listener);
  }

  /** The provider to run on: WASM when picked or when WebGPU does not run here, else (Auto or WebGPU) WebGPU. */
  async chosen(): Promise<Provider> {
    const picked = this.radios.find((radio) => radio.checked)?.value;
    if (picked === 'wasm') return 'wasm'; // no adapter to ask for (a software adapter takes a second or more to answer)
    const { available } = await probeWebGpu();
    return available ? 'webgpu' : 'wasm';
  }

  private withoutWebGpu() {
    const radio = (value: string) => this.radios.find((candidate) => candidate.value === value);
    const webGpu = radio('webgpu');
    if (!webGpu) return;
    webGpu.disabled = true;
    const fallback = radio('auto') ?? radio('wasm');
    if (webGpu.checked && fallback) fallback.checked = true;
  }
}
