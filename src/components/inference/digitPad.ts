/**
 * The behaviour of <digit-pad>: pointer drawing (mouse, touch and pen through Pointer Events), the MNIST
 * preprocessing in src/lib, inference in the worker on the chosen provider, and the result display.
 */
import { topGuesses } from '../../lib/classification';
import { digitModelInput, digitModelUrl } from '../../lib/digitModel';
import { formatMs, formatPercent } from '../../lib/formatting';
import type { Translate } from '../../lib/i18n';
import type { Provider } from '../../lib/inferenceProtocol';
import { mnistSize, preprocessDigit } from '../../lib/mnistPreprocess';
import { part } from '../dom';
import { readStrings } from '../strings';
import { DemoLoader } from './demoLoader';
import { loadDigitSamples, startRuntimeWithDigitModel } from './digitModelFiles';
import type { DigitPadKey } from './inferenceStrings';
import { createSession, isRuntimeKept, runSession } from './inferenceRuntime';
import { ProviderChoice } from './providerChoice';

/** The pen's width as a share of the pad's: about 2 pixels once the drawing is scaled down to 28×28. */
const strokeWidthRatio = 0.075;

/** What the pad made of a digit: its top guess, where it ran and how long the run took. */
export interface DigitPrediction {
  label: number;
  provider: Provider;
  ms: number;
}

/** The <digit-pad> element; `classifyDigit` is also how scripts/bench.ts drives it. */
export class DigitPad extends HTMLElement {
  private t!: Translate<DigitPadKey>;
  private locale = 'en';
  private canvas!: HTMLCanvasElement;
  private context!: CanvasRenderingContext2D;
  private guessList!: HTMLElement;
  private ranOn!: HTMLElement;
  private loader!: DemoLoader;
  private providerChoice!: ProviderChoice;
  private modelBytes: ArrayBuffer | undefined;
  private sessions = new Map<Provider, Promise<void>>();

  connectedCallback() {
    this.t = readStrings<DigitPadKey>(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.canvas = part(this, '.digit-canvas');
    this.context = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.guessList = part(this, '.guesses');
    this.ranOn = part(this, '.digit-ran-on');
    this.clear();
    this.enableDrawing();
    const clearButton = part<HTMLButtonElement>(this, '.digit-clear');
    clearButton.addEventListener('click', () => this.clear());
    const sample = part<HTMLSelectElement>(this, '.digit-sample');
    clearButton.disabled = sample.disabled = false; // rendered disabled until this behaviour is attached
    sample.addEventListener('change', async () => {
      if (sample.value === '') return;
      const samples = await loadDigitSamples();
      await this.classifyDigit(samples[Number(sample.value)]!.pixels);
    });
    this.providerChoice = new ProviderChoice(this);
    this.providerChoice.onChange(() => void this.classify());
    this.loader = new DemoLoader(this, this.t, this.locale);
    this.loader.onStart(async () => {
      this.modelBytes = (await startRuntimeWithDigitModel((progress) => this.loader.progress(progress))).model;
      this.dataset['ready'] = 'true';
      await this.classify();
    });
    void this.prepareIfUsedBefore();
  }

  /**
   * After a first use (runtime and model in the cache), starts the runtime and a session while the learner
   * reads, downloading nothing, so that Start answers at once instead of after a second of start-up.
   */
  private async prepareIfUsedBefore(): Promise<void> {
    if (!(await isRuntimeKept([digitModelUrl]))) return;
    try {
      this.modelBytes ??= (await startRuntimeWithDigitModel(() => undefined)).model;
      await this.sessionOn(await this.providerChoice.chosen());
      this.dataset['prepared'] = 'true';
    } catch {
      // Start tries again, and says what failed.
    }
  }

  /** The session on `provider`, created once per page (a failed one is tried again next time). */
  private sessionOn(provider: Provider): Promise<void> {
    let session = this.sessions.get(provider);
    if (!session) {
      session = createSession(`digits:${provider}`, provider, this.modelBytes!).then(() => undefined);
      session.catch(() => this.sessions.delete(provider));
      this.sessions.set(provider, session);
    }
    return session;
  }

  /** Draws a 28×28 digit (grey levels 0..255) onto the pad, then classifies the pad like a drawing. */
  async classifyDigit(pixels: readonly number[]): Promise<DigitPrediction | undefined> {
    const small = document.createElement('canvas');
    small.width = small.height = mnistSize;
    const smallContext = small.getContext('2d')!;
    const image = smallContext.createImageData(mnistSize, mnistSize);
    pixels.forEach((value, i) => image.data.set([value, value, value, 255], i * 4));
    smallContext.putImageData(image, 0, 0);
    this.clear();
    this.context.imageSmoothingEnabled = true;
    this.context.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
    return this.classify();
  }

  private clear() {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.guessList.replaceChildren();
    this.ranOn.textContent = '';
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

  private async classify(): Promise<DigitPrediction | undefined> {
    if (!this.modelBytes) return undefined;
    const input = preprocessDigit(this.context.getImageData(0, 0, this.canvas.width, this.canvas.height));
    if (input.empty) {
      this.ranOn.textContent = this.t('digits.empty');
      return undefined;
    }
    this.showSeen(input.pixels);
    const provider = await this.providerChoice.chosen();
    const providerName = this.t(`provider.${provider}`);
    try {
      if (!this.sessions.has(provider)) this.loader.status(this.t('demo.preparing', { provider: providerName }));
      await this.sessionOn(provider);
      const result = await runSession(`digits:${provider}`, digitModelInput(input.pixels));
      const guesses = topGuesses(result.output, 3);
      this.showGuesses(guesses);
      const ms = result.timesMs[0]!;
      this.ranOn.textContent = this.t('digits.ranOn', { provider: providerName, time: formatMs(ms, this.locale) });
      this.dataset['provider'] = provider;
      this.loader.hideProgress();
      this.loader.state('done');
      return { label: guesses[0]!.label, provider, ms };
    } catch (error) {
      this.loader.fail(error, provider);
      return undefined;
    }
  }

  private showSeen(pixels: Float32Array) {
    const seen = part<HTMLCanvasElement>(this, '.digit-seen-canvas');
    const context = seen.getContext('2d')!;
    const image = context.createImageData(mnistSize, mnistSize);
    pixels.forEach((value, i) => image.data.set([value * 255, value * 255, value * 255, 255], i * 4));
    context.putImageData(image, 0, 0);
  }

  private showGuesses(guesses: { label: number; probability: number }[]) {
    this.guessList.replaceChildren(
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

/** Registers <digit-pad>, once. */
export function defineDigitPad(): void {
  if (!customElements.get('digit-pad')) customElements.define('digit-pad', DigitPad);
}
