/** The behaviour of <onnx-inspector>: check the file, load it in the worker, describe it, run it once. */
import { formatMs } from '../../lib/formatting';
import { interpolate } from '../../lib/i18n';
import type { Provider } from '../../lib/inferenceProtocol';
import { formatShape, looksLikeOnnx, placeholderInput, type TensorDescription } from '../../lib/onnxFile';
import { DemoLoader } from './demoLoader';
import { DemoError, createSession, runSession, startRuntime } from './inferenceRuntime';
import { probeWebGpu } from './webGpuProbe';
import { readStrings, tableRow } from '../dom';

class OnnxInspector extends HTMLElement {
  private strings: Record<string, string> = {};
  private locale = 'en';
  private loader!: DemoLoader;

  connectedCallback() {
    this.strings = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.loader = new DemoLoader(this, this.strings, this.locale);
    const input = this.querySelector<HTMLInputElement>('.inspector-file')!;
    input.disabled = false;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.inspect(file);
    });
    void probeWebGpu().then((verdict) => {
      const webGpu = this.querySelector<HTMLInputElement>('input[value=webgpu]')!;
      webGpu.disabled = !verdict.available;
      if (!verdict.available) this.querySelector<HTMLInputElement>('input[value=wasm]')!.checked = true;
    });
  }

  private async inspect(file: File) {
    const report = this.querySelector<HTMLElement>('.inspector-report')!;
    report.hidden = true;
    this.querySelector<HTMLElement>('.demo-error')!.hidden = true;
    this.loader.status(interpolate(this.strings['inspector.reading'] ?? '', { file: file.name }));
    const bytes = await file.arrayBuffer();
    if (!looksLikeOnnx(new Uint8Array(bytes))) {
      this.loader.showError(interpolate(this.strings['inspector.notOnnx'] ?? '', { file: file.name }));
      return;
    }
    const provider = (this.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? 'wasm') as Provider;
    try {
      await startRuntime((progress) => this.loader.progress(progress));
      const session = await createSession('inspector', provider, bytes);
      this.describe('inputs', session.inputs);
      this.describe('outputs', session.outputs);
      report.hidden = false;
      const inputs = session.inputs.map((description) => ({ description, placeholder: placeholderInput(description) }));
      const missing = inputs.find((entry) => !entry.placeholder);
      const runLine = this.querySelector('.inspector-run')!;
      if (missing) runLine.textContent = interpolate(this.strings['inspector.cannotGenerate'] ?? '', { type: missing.description.type });
      else {
        const result = await runSession('inspector', inputs.map((entry) => entry.placeholder!));
        runLine.textContent = interpolate(this.strings['inspector.ran'] ?? '', {
          provider: this.strings[`provider.${provider}`] ?? provider,
          time: formatMs(result.timesMs[0]!, this.locale),
          createTime: formatMs(session.createMs, this.locale),
          name: result.outputName,
          count: result.output.length,
        });
      }
      this.querySelector<HTMLElement>('.demo-progress')!.hidden = true;
    } catch (error) {
      if (error instanceof DemoError && error.code === 'model-rejected') {
        this.loader.fail(new DemoError('model-rejected', `${file.name}: ${error.message}`), provider);
      } else this.loader.fail(error, provider);
    }
  }

  private describe(side: 'inputs' | 'outputs', descriptions: TensorDescription[]) {
    this.querySelector(`.inspector-${side} tbody`)!.replaceChildren(
      ...descriptions.map(({ name, type, shape }) => tableRow(undefined, [name, type, formatShape(shape)])),
    );
  }
}

export function defineOnnxInspector(): void {
  if (!customElements.get('onnx-inspector')) customElements.define('onnx-inspector', OnnxInspector);
}
