/** The behaviour of <onnx-inspector>: check the file, load it in the worker, describe it, run it once. */
import { formatMs } from '../../lib/formatting';
import type { Translate } from '../../lib/i18n';
import { formatShape, looksLikeOnnx, placeholderInput, type TensorDescription } from '../../lib/onnxFile';
import { part, tableRow } from '../dom';
import { readStrings } from '../strings';
import { DemoLoader } from './demoLoader';
import type { OnnxInspectorKey } from './inferenceStrings';
import { DemoError, createSession, runSession, startRuntime } from './inferenceRuntime';
import { ProviderChoice } from './providerChoice';

class OnnxInspector extends HTMLElement {
  private t!: Translate<OnnxInspectorKey>;
  private locale = 'en';
  private loader!: DemoLoader;
  private providerChoice!: ProviderChoice;

  connectedCallback() {
    this.t = readStrings<OnnxInspectorKey>(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.loader = new DemoLoader(this, this.t, this.locale);
    this.providerChoice = new ProviderChoice(this);
    const input = part<HTMLInputElement>(this, '.inspector-file');
    input.disabled = false;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.inspect(file);
    });
  }

  private async inspect(file: File) {
    const report = part(this, '.inspector-report');
    report.hidden = true;
    this.loader.hideError();
    this.loader.state('running');
    this.loader.status(this.t('inspector.reading', { file: file.name }));
    const bytes = await file.arrayBuffer();
    if (!looksLikeOnnx(new Uint8Array(bytes))) {
      this.loader.showError(this.t('inspector.notOnnx', { file: file.name }));
      return;
    }
    const provider = await this.providerChoice.chosen();
    try {
      await startRuntime((progress) => this.loader.progress(progress));
      const session = await createSession('inspector', provider, bytes);
      this.describe('inputs', session.inputs);
      this.describe('outputs', session.outputs);
      report.hidden = false;
      const inputs = session.inputs.map((description) => ({ description, placeholder: placeholderInput(description) }));
      const missing = inputs.find((entry) => !entry.placeholder);
      const runLine = part(this, '.inspector-run');
      if (missing) runLine.textContent = this.t('inspector.cannotGenerate', { type: missing.description.type });
      else {
        const result = await runSession('inspector', inputs.map((entry) => entry.placeholder!));
        runLine.textContent = this.t('inspector.ran', {
          provider: this.t(`provider.${provider}`),
          time: formatMs(result.timesMs[0]!, this.locale),
          createTime: formatMs(session.createMs, this.locale),
          name: result.outputName,
          count: result.output.length,
        });
      }
      this.loader.hideProgress();
      this.loader.state('done');
    } catch (error) {
      // Says which of the learner's files was rejected: "…could not load the model on WebGPU: broken.onnx: …".
      if (error instanceof DemoError && error.code === 'model-rejected') {
        this.loader.fail(new DemoError('model-rejected', `${file.name}: ${error.message}`), provider);
      } else this.loader.fail(error, provider);
    }
  }

  private describe(side: 'inputs' | 'outputs', descriptions: TensorDescription[]) {
    part(this, `.inspector-${side} tbody`).replaceChildren(
      ...descriptions.map(({ name, type, shape }) => tableRow(undefined, [name, type, formatShape(shape)])),
    );
  }
}

/** Registers <onnx-inspector>, once. */
export function defineOnnxInspector(): void {
  if (!customElements.get('onnx-inspector')) customElements.define('onnx-inspector', OnnxInspector);
}
