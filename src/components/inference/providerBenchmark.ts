/** The behaviour of <provider-benchmark>: measure each provider in turn, then chart and tabulate. */
import { benchmarkPlan, summarize, type TimingSummary } from '../../lib/benchmarkStats';
import { maxAbsDifference } from '../../lib/classification';
import { formatMs, formatNumber } from '../../lib/formatting';
import { interpolate } from '../../lib/i18n';
import type { Provider, RuntimeInfo } from '../../lib/inferenceProtocol';
import { digitModelInput } from '../../lib/digitModel';
import { DemoLoader } from './demoLoader';
import { loadDigitModel, loadDigitSamples } from './digitModelClient';
import { createSession, releaseSession, runSession, startRuntime } from './inferenceRuntime';
import { probeWebGpu } from './webGpuProbe';
import { readStrings, svgElement, tableRow } from '../dom';

export interface ProviderMeasurement {
  provider: Provider;
  createMs: number;
  firstRunMs: number;
  steady: TimingSummary;
  output: Float32Array;
}

const agreementTolerance = 1e-3;

class ProviderBenchmark extends HTMLElement {
  private strings: Record<string, string> = {};
  private locale = 'en';

  connectedCallback() {
    this.strings = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const loader = new DemoLoader(this, this.strings, this.locale);
    loader.onStart(async () => {
      const runtime = await startRuntime((progress) => loader.progress(progress));
      const model = await loadDigitModel((progress) => loader.progress(progress));
      const sample = (await loadDigitSamples())[0]!;
      const input = Float32Array.from(sample.pixels, (value) => value / 255);
      const providers: Provider[] = (await probeWebGpu()).available ? ['wasm', 'webgpu'] : ['wasm'];
      const measurements: ProviderMeasurement[] = [];
      for (const provider of providers) {
        loader.status(interpolate(this.strings['bench.running'] ?? '', { provider: this.strings[`provider.${provider}`] ?? provider }));
        try {
          measurements.push(await measure(provider, model, input));
        } catch (error) {
          loader.fail(error, provider);
          throw error;
        }
      }
      this.show(measurements, runtime);
      this.dataset['complete'] = 'true';
    });
  }

  private show(measurements: ProviderMeasurement[], runtime: RuntimeInfo) {
    const ms = (value: number) => formatMs(value, this.locale);
    const name = (provider: Provider) => this.strings[`provider.${provider}`] ?? provider;
    this.querySelector('.bench-table tbody')!.replaceChildren(
      ...measurements.map((measurement) =>
        tableRow(name(measurement.provider), [measurement.createMs, measurement.firstRunMs, measurement.steady.median, measurement.steady.p90].map(ms)),
      ),
    );
    this.drawChart(measurements);
    const isolation = this.strings[runtime.crossOriginIsolated ? 'bench.isolated' : 'bench.notIsolated'] ?? '';
    this.querySelector('.bench-threads')!.textContent = interpolate(this.strings['bench.threads'] ?? '', { threads: runtime.threads, isolation });
    const [wasm, webgpu] = measurements;
    const agreement = this.querySelector<HTMLElement>('.bench-agreement')!;
    if (wasm && webgpu) {
      const difference = maxAbsDifference(wasm.output, webgpu.output);
      agreement.dataset['difference'] = String(difference);
      const key = difference <= agreementTolerance ? 'bench.agree' : 'bench.disagree';
      agreement.textContent = interpolate(this.strings[key] ?? '', { difference: formatNumber(difference, this.locale) });
    } else agreement.textContent = this.strings['bench.onlyWasm'] ?? '';
    this.querySelector<HTMLElement>('.bench-results')!.hidden = false;
  }

  /** Two bars per provider (median, p90) on one scale; labels are plain SVG text, nothing injected. */
  private drawChart(measurements: ProviderMeasurement[]) {
    const svg = this.querySelector('svg')!;
    const longest = Math.max(...measurements.map((measurement) => measurement.steady.p90));
    svg.replaceChildren(
      ...measurements.flatMap((measurement, index) => {
        const y = 10 + index * 50;
        const width = (value: number) => Math.max(2, (value / longest) * 250);
        return [
          svgElement('text', { x: 0, y: y + 14, class: 'chart-label' }, this.strings[`provider.${measurement.provider}`] ?? measurement.provider),
          svgElement('rect', { x: 0, y: y + 20, width: width(measurement.steady.median), height: 10, class: 'chart-median' }),
          svgElement('text', { x: width(measurement.steady.median) + 6, y: y + 29, class: 'chart-value' }, formatMs(measurement.steady.median, this.locale)),
          svgElement('rect', { x: 0, y: y + 32, width: width(measurement.steady.p90), height: 10, class: 'chart-p90' }),
          svgElement('text', { x: width(measurement.steady.p90) + 6, y: y + 41, class: 'chart-value' }, formatMs(measurement.steady.p90, this.locale)),
        ];
      }),
    );
  }
}

async function measure(provider: Provider, model: ArrayBuffer, pixels: Float32Array): Promise<ProviderMeasurement> {
  const key = `benchmark:${provider}`;
  const input = digitModelInput(pixels);
  const { createMs } = await createSession(key, provider, model);
  const first = await runSession(key, input);
  await runSession(key, input, benchmarkPlan.warmUpRuns);
  const steady = await runSession(key, input, benchmarkPlan.samples, benchmarkPlan.runsPerSample);
  await releaseSession(key);
  return { provider, createMs, firstRunMs: first.timesMs[0]!, steady: summarize(steady.timesMs), output: steady.output };
}

export function defineProviderBenchmark(): void {
  if (!customElements.get('provider-benchmark')) customElements.define('provider-benchmark', ProviderBenchmark);
}
