/** The behaviour of <provider-benchmark>: measure each provider in turn, then chart and tabulate. */
import { benchmarkPlan, summarize, type TimingSummary } from '../../lib/benchmarkStats';
import { maxAbsDifference } from '../../lib/classification';
import { digitModelInput } from '../../lib/digitModel';
import { formatMs, formatNumber } from '../../lib/formatting';
import type { Translate } from '../../lib/i18n';
import type { Provider, RuntimeInfo } from '../../lib/inferenceProtocol';
import { part, tableRow } from '../dom';
import { drawBars } from '../barChartView';
import { readStrings } from '../strings';
import { DemoLoader } from './demoLoader';
import { loadDigitSamples, startRuntimeWithDigitModel } from './digitModelFiles';
import type { ProviderBenchmarkKey } from './inferenceStrings';
import { createSession, releaseSession, runSession } from './inferenceRuntime';
import { probeWebGpu } from './webGpuProbe';

/** One provider's timings on the digit model, and its output, to compare with the other provider's. */
interface ProviderMeasurement {
  provider: Provider;
  createMs: number;
  firstRunMs: number;
  steady: TimingSummary;
  output: Float32Array;
}

/** The largest output difference that still counts as the same answer: the providers round float32 maths differently. */
const agreementTolerance = 1e-3;

class ProviderBenchmark extends HTMLElement {
  private t!: Translate<ProviderBenchmarkKey>;
  private locale = 'en';

  connectedCallback() {
    this.t = readStrings<ProviderBenchmarkKey>(this);
    this.locale = this.dataset['locale'] ?? 'en';
    const loader = new DemoLoader(this, this.t, this.locale);
    loader.onStart(async () => {
      const { runtime, model } = await startRuntimeWithDigitModel((progress) => loader.progress(progress));
      const sample = (await loadDigitSamples())[0]!;
      const input = Float32Array.from(sample.pixels, (value) => value / 255);
      const providers: Provider[] = (await probeWebGpu()).available ? ['wasm', 'webgpu'] : ['wasm'];
      const measurements: ProviderMeasurement[] = [];
      for (const provider of providers) {
        loader.state('running');
        loader.status(this.t('bench.running', { provider: this.t(`provider.${provider}`) }));
        try {
          measurements.push(await measure(provider, model, input));
        } catch (error) {
          loader.fail(error, provider);
          throw error;
        }
      }
      this.show(measurements, runtime);
      loader.state('done');
      this.dataset['complete'] = 'true';
    });
  }

  private show(measurements: ProviderMeasurement[], runtime: RuntimeInfo) {
    const ms = (value: number) => formatMs(value, this.locale);
    part(this, '.bench-table tbody').replaceChildren(
      ...measurements.map((measurement) =>
        tableRow(this.t(`provider.${measurement.provider}`), [measurement.createMs, measurement.firstRunMs, measurement.steady.median, measurement.steady.p90].map(ms)),
      ),
    );
    this.drawChart(measurements);
    const isolation = this.t(runtime.crossOriginIsolated ? 'bench.isolated' : 'bench.notIsolated');
    part(this, '.bench-threads').textContent = this.t('bench.threads', { threads: runtime.threads, isolation });
    const [wasm, webgpu] = measurements;
    const agreement = part(this, '.bench-agreement');
    if (wasm && webgpu) {
      const difference = maxAbsDifference(wasm.output, webgpu.output);
      agreement.dataset['difference'] = String(difference);
      const key = difference <= agreementTolerance ? 'bench.agree' : 'bench.disagree';
      agreement.textContent = this.t(key, { difference: formatNumber(difference, this.locale) });
    } else agreement.textContent = this.t('bench.onlyWasm');
    part(this, '.bench-results').hidden = false;
  }

  /** Median and p90 as two groups of bars, one bar per provider (named in the legend); labels are plain SVG text, nothing injected. */
  private drawChart(measurements: ProviderMeasurement[]) {
    const inMs = (value: number) => formatMs(value, this.locale);
    drawBars(
      part<SVGSVGElement>(this, 'svg'),
      [
        { label: this.t('bench.median'), values: measurements.map((measurement) => measurement.steady.median), format: inMs },
        { label: this.t('bench.p90'), values: measurements.map((measurement) => measurement.steady.p90), format: inMs },
      ],
      measurements.map((measurement) => this.t(`provider.${measurement.provider}`)),
    );
  }
}

/** Times one provider on `pixels`: session creation, the first run, warm-up, then the steady-state samples. */
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

/** Registers <provider-benchmark>, once. */
export function defineProviderBenchmark(): void {
  if (!customElements.get('provider-benchmark')) customElements.define('provider-benchmark', ProviderBenchmark);
}
