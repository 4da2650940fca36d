/**
 * The behaviour of <digit-pad>: pointer drawing (mouse, touch and pen through Pointer Events), the MNIST
 * preprocessing in src/lib, inference in the worker on the chosen provider, and the result display.
 */
import { topGuesses } from '../../lib/classification';
import { digitModelInput } from '../../lib/digitModel';
import { formatMs, formatPercent } from '../../lib/formatting';
import { interpolate } from '../../lib/i18n';
import type { Provider } from '../../lib/inferenceProtocol';
import { mnistSize, preprocessDigit } from '../../lib/mnistPreprocess';
import { DemoLoader } from './demoLoader';
import { loadDigitModel, loadDigitSamples } from './digitModelClient';
import { createSession, runSession, startRuntime } from './inferenceRuntime';
import { probeWebGpu } from './webGpuProbe';
import { readStrings } from '../dom';

const strokeWidthRatio = 0.075;

export interface DigitPrediction {
  label: number;
  provider: Provider;
  ms: number;
}

export class DigitPad extends HTMLElement {
  private strings: Record<string, string> = {};
  private locale = 'en';
  private canvas!: HTMLCanvasElement;
  private context!: CanvasRenderingContext2D;
  private loader!: DemoLoader;
  private modelBytes: ArrayBuffer | undefined;
  private readySessions = new Set<Provider>();

  connectedCallback() {
    this.strings = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.canvas = this.querySelector('.digit-canvas')!;
    this.context = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.clear();
    this.enableDrawing();
    const clearButton = this.querySelector<HTMLButtonElement>('.digit-clear')!;
    clearButton.addEventListener('click', () => this.clear());
    const sample = this.querySelector<HTMLSelectElement>('.digit-sample')!;
    clearButton.disabled = sample.disabled = false; // rendered disabled until this behaviour is attached
    sample.addEventListener('change', async () => {
      if (sample.value === '') return;
      const samples = await loadDigitSamples();
      await this.classifyDigit(samples[Number(sample.value)]!.pixels);
    });
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.addEventListener('change', () => void this.classify());
    void probeWebGpu().then((verdict) => {
      const webGpuRadio = this.querySelector<HTMLInputElement>('input[value=webgpu]');
      if (webGpuRadio && !verdict.available) webGpuRadio.disabled = true;
    });
    this.loader = new DemoLoader(this, this.strings, this.locale);
    this.loader.onStart(async () => {
      this.modelBytes = await this.prepare();
      this.dataset['ready'] = 'true';
      await this.classify();
    });
  }

  /** Draws a 28×28 digit (grey levels 0..255) onto the pad, then classifies the pad like a drawing. */
  async classifyDigit(pixels: readonly number[]): Promise<DigitPrediction | undefined> {
    const small = document.createElement('canvas');
    small.width = small.height = mnistSize;
    const image = small.getContext('2d')!.createImageData(mnistSize, mnistSize);
    pixels.forEach((value, i) => image.data.set([value, value, value, 255], i * 4));
    small.getContext('2d')!.putImageData(image, 0, 0);
    this.clear();
    this.context.imageSmoothingEnabled = true;
    this.context.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
    return this.classify();
  }

  private async prepare(): Promise<ArrayBuffer> {
    await startRuntime((progress) => this.loader.progress(progress));
    return loadDigitModel((progress) => this.loader.progress(progress));
  }

  private clear() {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.querySelector('.guesses')!.replaceChildren();
    this.querySelector('.digit-ran-on')!.textContent = '';
  }

  private enableDrawing() {
    let last: { x: number; y: number } | undefined;
    const point = (event: PointerEvent) => {
      const box = this.canvas.getBoundingClientRect();
      return { x: ((event.clientX - box.left) / box.width) * this.canvas.width, y: ((event.clientY - box.top) / box.height) * this.canvas.height };
    };
    this.canvas.addEventListener('pointerdown', (event) => {
      this.canvas.setPointerCapture(event.pointerId);
      last = point(event);
      this.strokeTo(last);
    });
    this.canvas.addEventListener('pointermove', (event) => {
      if (!last) return;
      const next = point(event);
      this.strokeTo(next, last);
      last = next;
    });
    const end = () => {
      if (!last) return;
      last = undefined;
      void this.classify();
    };
    this.canvas.addEventListener('pointerup', end);
    this.canvas.addEventListener('pointercancel', end);
  }

  private strokeTo(to: { x: number; y: number }, from = to) {
    const context = this.context;
    context.strokeStyle = '#fff';
    context.lineWidth = this.canvas.width * strokeWidthRatio;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  }

  private async chosenProvider(): Promise<Provider> {
    const choice = this.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? 'auto';
    const { available } = await probeWebGpu();
    if (choice === 'wasm' || !available) return 'wasm';
    return 'webgpu';
  }

  private async classify(): Promise<DigitPrediction | undefined> {
    if (!this.modelBytes) return undefined;
    const ranOn = this.querySelector('.digit-ran-on')!;
    const input = preprocessDigit(this.context.getImageData(0, 0, this.canvas.width, this.canvas.height));
    if (input.empty) {
      ranOn.textContent = this.strings['digits.empty'] ?? '';
      return undefined;
    }
    this.showSeen(input.pixels);
    const provider = await this.chosenProvider();
    try {
      if (!this.readySessions.has(provider)) {
        this.loader.status(interpolate(this.strings['demo.preparing'] ?? '', { provider: this.strings[`provider.${provider}`] ?? provider }));
        await createSession(`digits:${provider}`, provider, this.modelBytes);
        this.readySessions.add(provider);
      }
      const result = await runSession(`digits:${provider}`, digitModelInput(input.pixels));
      const guesses = topGuesses(result.output, 3);
      this.showGuesses(guesses);
      const ms = result.timesMs[0]!;
      ranOn.textContent = interpolate(this.strings['digits.ranOn'] ?? '', { provider: this.strings[`provider.${provider}`] ?? provider, time: formatMs(ms, this.locale) });
      this.dataset['provider'] = provider;
      this.querySelector<HTMLElement>('.demo-progress')!.hidden = true;
      return { label: guesses[0]!.label, provider, ms };
    } catch (error) {
      this.loader.fail(error, provider);
      return undefined;
    }
  }

  private showSeen(pixels: Float32Array) {
    const seen = this.querySelector<HTMLCanvasElement>('.digit-seen-canvas')!;
    const context = seen.getContext('2d')!;
    const image = context.createImageData(mnistSize, mnistSize);
    pixels.forEach((value, i) => image.data.set([value * 255, value * 255, value * 255, 255], i * 4));
    context.putImageData(image, 0, 0);
  }

  private showGuesses(guesses: { label: number; probability: number }[]) {
    this.querySelector('.guesses')!.replaceChildren(
      ...guesses.map(({ label, probability }) => {
        const item = document.createElement('li');
        item.className = 'guess';
        const name = document.createElement('span');
        name.className = 'guess-label';
        name.textContent = String(label);
        const bar = document.createElement('span');
        bar.className = 'guess-bar';
        bar.style.inlineSize = `${Math.max(1, probability * 100)}%`;
        const value = document.createElement('span');
        value.className = 'guess-value';
        value.textContent = formatPercent(probability, this.locale);
        item.append(name, bar, value);
        return item;
      }),
    );
  }
}

export function defineDigitPad(): void {
  if (!customElements.get('digit-pad')) customElements.define('digit-pad', DigitPad);
}
