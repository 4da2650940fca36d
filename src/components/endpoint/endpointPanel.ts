/** The behaviour of <endpoint-panel>: discover, choose, connect, and diagnose. */
import { isEmbeddingModel } from '../../lib/embeddingRanking';
import type { DiscoveredEndpoint } from '../../lib/endpointDiscovery';
import { interpolate } from '../../lib/i18n';
import { currentChoice, discoverEndpoints, hasBridge, rememberedChoice, setApiKey, setChoice, type EndpointChoice } from './endpointChoice';
import { failureOf, showDiagnosis } from './diagnosisView';
import { readStrings } from '../dom';

type Found = DiscoveredEndpoint | (Omit<DiscoveredEndpoint, 'foundBy'> & { foundBy: 'typed' });

class EndpointPanel extends HTMLElement {
  private strings: Record<string, string> = {};
  private found: Found[] = [];

  connectedCallback() {
    this.strings = readStrings(this);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) control.disabled = false;
    this.querySelector('.endpoint-rescan')!.addEventListener('click', () => void this.discover());
    this.querySelector('.endpoint-connect')!.addEventListener('click', () => void this.connectTyped());
    this.querySelector('.endpoint-select')!.addEventListener('change', (event) => this.choose(Number((event.target as HTMLSelectElement).value)));
    this.querySelector('.endpoint-model')!.addEventListener('change', (event) => {
      const choice = currentChoice();
      if (choice) setChoice({ ...choice, model: (event.target as HTMLSelectElement).value });
    });
    this.querySelector<HTMLInputElement>('.endpoint-key')!.addEventListener('input', (event) => setApiKey((event.target as HTMLInputElement).value));
    void this.discover();
  }

  private state(text: string) {
    this.querySelector('.endpoint-state')!.textContent = text;
  }

  private async discover() {
    this.state(this.strings['endpoint.searching'] ?? '');
    const report = await discoverEndpoints();
    this.found = report?.endpoints ?? [];
    const remembered = rememberedChoice();
    if (!hasBridge() && remembered.baseUrl) {
      await this.connectTo(remembered.baseUrl);
      return;
    }
    this.renderEndpoints();
    if (this.found.length === 0) {
      this.state(this.strings[hasBridge() ? 'endpoint.noneFound' : 'endpoint.noBridge'] ?? '');
      setChoice(undefined);
      if (hasBridge()) this.showFailure({ status: 502, message: 'bridge_unreachable' });
      return;
    }
    const preferred = this.found.findIndex((endpoint) => endpoint.baseUrl === remembered.baseUrl);
    this.choose(preferred >= 0 ? preferred : 0, remembered.model);
  }

  /** Connects to an address the learner typed (or remembered), through the bridge when there is one. */
  private async connectTyped() {
    const url = this.querySelector<HTMLInputElement>('.endpoint-url')!.value.trim().replace(/\/+(v1\/?)?$/, '');
    if (url) await this.connectTo(url);
  }

  private async connectTo(baseUrl: string) {
    const probe: EndpointChoice = { baseUrl, kind: 'openai-compatible', models: [], model: undefined, viaBridge: hasBridge() };
    try {
      const response = hasBridge()
        ? await fetch('/api/bridge/v1/models', { headers: { 'X-Course-Endpoint': baseUrl } })
        : await fetch(`${baseUrl}/v1/models`);
      if (!response.ok) {
        this.showFailure({ status: response.status, message: await response.text() }, probe);
        return;
      }
      const listing = (await response.json()) as { data?: { id: string }[] };
      const endpoint: Found = { baseUrl, kind: 'openai-compatible', foundBy: 'typed', models: (listing.data ?? []).map(({ id }) => ({ id })) };
      this.found = [...this.found.filter((known) => known.baseUrl !== baseUrl), endpoint];
      this.renderEndpoints();
      this.choose(this.found.length - 1, rememberedChoice().model);
    } catch (error) {
      this.showFailure(failureOf(error, probe), probe);
    }
  }

  private kindLabel(endpoint: Found) {
    const key = endpoint.kind === 'foundry' ? `kind.foundry${endpoint.generation ?? 2}` : `kind.${endpoint.kind}`;
    return this.strings[key] ?? endpoint.kind;
  }

  private renderEndpoints() {
    const select = this.querySelector<HTMLSelectElement>('.endpoint-select')!;
    select.replaceChildren(
      ...this.found.map((endpoint, index) => {
        const option = document.createElement('option');
        option.value = String(index);
        option.textContent = `${this.kindLabel(endpoint)} — ${endpoint.baseUrl} (${this.strings[`endpoint.foundBy.${endpoint.foundBy}`] ?? ''})`;
        return option;
      }),
    );
  }

  private choose(index: number, preferredModel?: string) {
    const endpoint = this.found[index];
    if (!endpoint) return;
    this.querySelector<HTMLSelectElement>('.endpoint-select')!.value = String(index);
    const models = this.querySelector<HTMLSelectElement>('.endpoint-model')!;
    const chatModels = endpoint.models.filter((model) => !isEmbeddingModel(model.id));
    models.replaceChildren(
      ...chatModels.map((model) => {
        const option = document.createElement('option');
        option.value = model.id;
        const state = model.loaded === undefined ? '' : ` — ${this.strings[model.loaded ? 'endpoint.loaded' : 'endpoint.notLoaded']}`;
        option.textContent = `${model.id}${state}`;
        return option;
      }),
    );
    const model =
      chatModels.find((entry) => entry.id === preferredModel)?.id ?? chatModels.find((entry) => entry.loaded !== false)?.id ?? chatModels[0]?.id;
    if (model) models.value = model;
    const route = this.strings[hasBridge() ? 'endpoint.viaBridge' : 'endpoint.direct'] ?? '';
    this.state(interpolate(this.strings['endpoint.connected'] ?? '', { kind: this.kindLabel(endpoint), url: endpoint.baseUrl, route }));
    this.dataset['connected'] = 'true';
    showDiagnosis(this.querySelector('.diagnosis')!, undefined, undefined, this.strings);
    setChoice({ baseUrl: endpoint.baseUrl, kind: endpoint.kind, generation: endpoint.generation, models: endpoint.models, model, viaBridge: hasBridge() });
  }

  private showFailure(failure: { status: number | undefined; message: string }, choice?: EndpointChoice) {
    delete this.dataset['connected'];
    showDiagnosis(this.querySelector('.diagnosis')!, { ...failure, direct: !hasBridge(), model: choice?.model }, choice, this.strings);
  }
}

export function defineEndpointPanel(): void {
  if (!customElements.get('endpoint-panel')) customElements.define('endpoint-panel', EndpointPanel);
}
