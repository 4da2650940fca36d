/**
 * The behaviour of <browser-model>: choose a model, check the room and ask before a Hub download, load it
 * in the worker with a bar per file and in total, chat with it (streamed, timed, stoppable), offer it to
 * every chat demo as "In this browser", and list or remove what the browser stores.
 */
import { checkSpace, decoderShape, isStoredFor, kvCacheBytes, noDownloads, tallyProgress, type BrowserModel as CatalogModel, type DownloadTally } from '../../lib/browserModels';
import { formatBytes, formatMs } from '../../lib/formatting';
import { translateFrom, type Translate } from '../../lib/i18n';
import type { Provider } from '../../lib/inferenceProtocol';
import type { LoadedModel } from '../../lib/languageModelProtocol';
import { StreamedAnswer } from '../chat/streamedAnswer';
import { streamCompletion } from '../chat/streamCompletion';
import { inBrowserChoice, provideInBrowserModel } from '../endpoint/browserEndpoint';
import { showDemoState } from '../demoStatus';
import { part, parts } from '../dom';
import { ProviderChoice } from '../inference/providerChoice';
import { readStrings } from '../strings';
import type { BrowserModelKey } from './languageModelStrings';
import { generateText, LanguageModelError, loadLanguageModel, unloadLanguageModel } from './languageModelClient';
import { removeStoredModel, storedModels, type StoredModel } from './modelStorage';

/** Bytes per KV-cache value: fp16 for the Hub's q4f16 models on WebGPU, fp32 otherwise. */
const kvValueBytes = (model: CatalogModel, provider: Provider) => (model.dtype[provider] === 'q4f16' ? 2 : 4);

class BrowserModelDemo extends HTMLElement {
  private t: Translate<BrowserModelKey> = translateFrom<BrowserModelKey>({});
  private locale = 'en';
  private catalog: CatalogModel[] = [];
  private loaded: CatalogModel | undefined;
  private stored = new Map<string, StoredModel>();
  private providers!: ProviderChoice;

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.catalog = JSON.parse(this.dataset['catalog'] ?? '[]') as CatalogModel[];
    this.providers = new ProviderChoice(this);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLTextAreaElement>('.browser-model-pick input, .provider-choice input, .browser-model-load, .browser-model-sampling input, textarea, .demo-start'))
      control.disabled = false;
    part(this, '.browser-model-load').addEventListener('click', () => void this.load());
    part(this, '.browser-model-unload').addEventListener('click', () => void this.unload());
    const answer = new StreamedAnswer(this, this.t, this.locale);
    part(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = inBrowserChoice();
      if (!choice?.model) {
        answer.status(this.t('browserModel.needsLoad'));
        return;
      }
      const prompt = part<HTMLTextAreaElement>(this, 'textarea').value;
      const sampling = { maxTokens: this.numberIn('.browser-model-max-tokens'), temperature: this.numberIn('.browser-model-temperature') };
      void answer.run((signal, show) => streamCompletion(choice, choice.model!, prompt, signal, show, sampling), choice);
    });
    void this.refreshStorage();
  }

  /** A number field's value, kept within its min and max. */
  private numberIn(selector: string): number {
    const field = part<HTMLInputElement>(this, selector);
    const value = field.value.trim() === '' || !Number.isFinite(Number(field.value)) ? Number(field.defaultValue) : Number(field.value);
    return Math.min(Number(field.max), Math.max(Number(field.min), value));
  }

  private chosenModel(): CatalogModel {
    const repo = parts<HTMLInputElement>(this, '.browser-model-pick input').find((radio) => radio.checked)?.value;
    return this.catalog.find((model) => model.repo === repo) ?? this.catalog[0]!;
  }

  private state(text: string) {
    part(this, '.browser-model-state').textContent = text;
  }

  private showError(text: string | undefined) {
    const box = part(this, '.browser-model-error');
    box.hidden = text === undefined;
    box.textContent = text ?? '';
  }

  /** Asks before a download from elsewhere; resolves whether the learner agreed. Refuses at once when there is no room. */
  private async confirmDownload(model: CatalogModel, provider: Provider): Promise<boolean> {
    if (model.source === 'course' || isStoredFor(model, provider, this.stored.get(model.repo)?.urls ?? [])) return true;
    if (!navigator.onLine) {
      this.showError(this.t('browserModel.error.offline'));
      return false;
    }
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const space = checkSpace(estimate, model.downloadBytes[provider]);
    const size = formatBytes(model.downloadBytes[provider], this.locale);
    if (space.fits === false) {
      this.showError(this.t('browserModel.noRoom', { model: model.id, needed: formatBytes(space.needed, this.locale), free: formatBytes(space.free, this.locale) }));
      return false;
    }
    const host = new URL(this.dataset['hub'] ?? 'https://huggingface.co/').host;
    const dialog = part(this, '.browser-model-confirm');
    part(dialog, '.browser-model-confirm-text').textContent =
      space.fits === true
        ? this.t('browserModel.confirm', { model: model.id, size, host, free: formatBytes(space.free, this.locale) })
        : this.t('browserModel.confirmUnknown', { model: model.id, size, host });
    dialog.hidden = false;
    const yes = part<HTMLButtonElement>(dialog, '.browser-model-confirm-yes');
    yes.focus();
    const no = part<HTMLButtonElement>(dialog, '.browser-model-confirm-no');
    const answered = new AbortController();
    const agreed = await new Promise<boolean>((resolve) => {
      yes.addEventListener('click', () => resolve(true), { signal: answered.signal });
      no.addEventListener('click', () => resolve(false), { signal: answered.signal });
    });
    answered.abort();
    dialog.hidden = true;
    part<HTMLButtonElement>(this, '.browser-model-load').focus();
    if (agreed) void navigator.storage?.persist?.().catch(() => false); // ask the browser not to evict a large download
    return agreed;
  }

  private async load() {
    const loadButton = part<HTMLButtonElement>(this, '.browser-model-load');
    if (loadButton.disabled) return;
    loadButton.disabled = true; // before anything is awaited, so a double click loads once
    const model = this.chosenModel();
    this.showError(undefined);
    const provider = await this.providers.chosen();
    try {
      if (!(await this.confirmDownload(model, provider))) return;
      await this.unload(false);
      const progress = part(this, '.browser-model-progress');
      progress.hidden = false;
      showDemoState(this, 'downloading', this.t);
      let tally: DownloadTally = noDownloads;
      const where = {
        repo: model.repo,
        source: model.source,
        dtype: model.dtype[provider],
        localModelPath: this.dataset['modelsPath'] ?? '/models/',
        hubHost: this.dataset['hub'] ?? 'https://huggingface.co/',
      };
      const info = await loadLanguageModel(
        where,
        provider,
        ({ loaded, total }) => this.drawTotal(this.t('demo.downloadingRuntime', { loaded: formatBytes(loaded, this.locale), total: total ? formatBytes(total, this.locale) : '?' }), loaded, total),
        (event) => {
          if (event.status === 'done' && event.file?.endsWith('.onnx')) this.state(this.t('browserModel.preparing', { model: model.id, provider: this.t(`provider.${provider}`) }));
          tally = tallyProgress(tally, event);
          this.drawFiles(tally);
        },
      );
      progress.hidden = true;
      this.loaded = model;
      this.describeLoaded(model, info, tally);
      provideInBrowserModel({
        id: model.id,
        generate: (request, signal, onText) => generateText(request, signal, onText),
      });
      part<HTMLButtonElement>(this, '.browser-model-unload').hidden = false;
      this.dataset['loaded'] = model.id;
      showDemoState(this, 'ready', this.t);
    } catch (error) {
      part(this, '.browser-model-progress').hidden = true;
      this.state('');
      showDemoState(this, 'error', this.t);
      this.showError(this.describeFailure(error, provider));
    } finally {
      loadButton.disabled = false;
      await this.refreshStorage();
    }
  }

  private describeFailure(error: unknown, provider: Provider): string {
    const code = error instanceof LanguageModelError ? error.code : 'load-failed';
    if (code === 'download-failed' && !navigator.onLine) return this.t('browserModel.error.offline');
    return this.t(`browserModel.error.${code}`, { detail: error instanceof Error ? error.message : String(error), provider: this.t(`provider.${provider}`) });
  }

  private describeLoaded(model: CatalogModel, info: LoadedModel, tally: DownloadTally) {
    const provider = this.t(`provider.${info.provider}`);
    this.state(this.t('browserModel.loaded', { model: model.id, provider, time: formatMs(info.loadMs, this.locale) }));
    const weights = tally.total || model.downloadBytes[info.provider];
    const shape = decoderShape(info.config);
    const context = typeof info.config['max_position_embeddings'] === 'number' ? Math.min(2048, info.config['max_position_embeddings']) : 2048;
    const perToken = shape ? kvCacheBytes(shape, 1, kvValueBytes(model, info.provider)) : 0;
    part(this, '.browser-model-size').textContent = this.t('browserModel.size', {
      weights: formatBytes(weights, this.locale),
      kvPerToken: formatBytes(perToken, this.locale),
      kvContext: formatBytes(perToken * context, this.locale),
      context: String(context),
    });
    part(this, '.browser-model-runtime').textContent = this.t('browserModel.runtime', {
      version: info.runtimeVersion,
      threads: String(info.threads),
    });
  }

  private drawTotal(text: string, loaded: number, total: number | undefined) {
    const bar = part<HTMLProgressElement>(this, '.browser-model-total');
    if (total) {
      bar.max = total;
      bar.value = loaded;
    } else bar.removeAttribute('value');
    part(this, '.browser-model-total-text').textContent = text;
  }

  private drawFiles(tally: DownloadTally) {
    this.drawTotal(this.t('browserModel.downloading', { loaded: formatBytes(tally.loaded, this.locale), total: formatBytes(tally.total, this.locale) }), tally.loaded, tally.total);
    part(this, '.browser-model-files').replaceChildren(
      ...Object.entries(tally.files).map(([file, { loaded, total }]) => {
        const item = document.createElement('li');
        const name = Object.assign(document.createElement('span'), { textContent: file, dir: 'ltr' });
        const bar = Object.assign(document.createElement('progress'), { max: Math.max(1, total), value: loaded });
        bar.setAttribute('aria-label', file);
        item.append(name, bar, ` ${formatBytes(loaded, this.locale)} / ${formatBytes(total, this.locale)}`);
        return item;
      }),
    );
  }

  private async unload(say = true) {
    if (!this.loaded) return;
    this.loaded = undefined;
    delete this.dataset['loaded'];
    provideInBrowserModel(undefined);
    await unloadLanguageModel();
    part<HTMLButtonElement>(this, '.browser-model-unload').hidden = true;
    part(this, '.browser-model-size').textContent = '';
    part(this, '.browser-model-runtime').textContent = '';
    showDemoState(this, 'idle', this.t);
    if (say) this.state(this.t('browserModel.unloaded'));
  }

  /** Lists what the browser stores per model, with a Remove button each, and marks stored models in the picker. */
  private async refreshStorage() {
    this.stored = await storedModels(this.catalog).catch(() => new Map<string, StoredModel>());
    const list = part(this, '.browser-model-stored');
    const items = this.catalog
      .filter((model) => this.stored.has(model.repo))
      .map((model) => {
        const item = document.createElement('li');
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: this.t('browserModel.remove', { model: model.id }) });
        remove.addEventListener('click', async () => {
          if (this.loaded?.repo === model.repo) await this.unload(false);
          await removeStoredModel(model);
          this.state(this.t('browserModel.removed', { model: model.id }));
          await this.refreshStorage();
        });
        item.append(`${model.id}: ${formatBytes(this.stored.get(model.repo)?.bytes ?? 0, this.locale)} `, remove);
        return item;
      });
    list.replaceChildren(...items);
    part(this, '.browser-model-stored-empty').hidden = items.length > 0;
    for (const marker of parts(this, '.browser-model-stored-mark')) {
      const bytes = this.stored.get(marker.dataset['repo'] ?? '')?.bytes ?? 0;
      marker.textContent = bytes > 0 ? ` · ${this.t('browserModel.stored', { size: formatBytes(bytes, this.locale) })}` : '';
    }
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    part(this, '.browser-model-usage').textContent =
      estimate?.quota !== undefined ? this.t('browserModel.storageUsage', { usage: formatBytes(estimate.usage ?? 0, this.locale), quota: formatBytes(estimate.quota, this.locale) }) : '';
  }
}

/** Registers <browser-model> once. */
export function defineBrowserModel(): void {
  if (!customElements.get('browser-model')) customElements.define('browser-model', BrowserModelDemo);
}
