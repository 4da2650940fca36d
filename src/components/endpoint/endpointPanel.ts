/** The behaviour of <endpoint-panel>: discover, choose, connect, and diagnose. */
import { stateBeforeAnswer } from '../../lib/demoState';
import { isEmbeddingModel } from '../../lib/embeddingRanking';
import { endpointAddress } from '../../lib/endpointAddress';
import type { CliReport, DiscoveredEndpoint } from '../../lib/endpointDiscovery';
import { foundryStatusCommands } from '../../lib/foundryCli';
import { translateFrom, type Translate } from '../../lib/i18n';
import { showDemoState } from '../demoStatus';
import { part } from '../dom';
import { readStrings } from '../strings';
import { askBridgeForEndpoints } from './bridgeDiscovery';
import { inBrowserChoice, onInBrowserModel } from './browserEndpoint';
import { failureOf, showAddressProblem, showDiagnosis } from './diagnosisView';
import type { EndpointPanelKey } from './endpointStrings';
import { currentChoice, onChoice, rememberedChoice, setChoice, setPanelApiKey, type EndpointChoice } from './endpointStore';

/** The endpoint list's entry for the model loaded in this tab. */
const inBrowserOption = 'browser';

type Found = DiscoveredEndpoint | (Omit<DiscoveredEndpoint, 'foundBy'> & { foundBy: 'typed' });

class EndpointPanel extends HTMLElement {
  private t: Translate<EndpointPanelKey> = translateFrom<EndpointPanelKey>({});
  private found: Found[] = [];
  /** Whether the latest discovery went through the course's bridge (`npm start`) or found none (a static copy). */
  private viaBridge = false;

  connectedCallback() {
    this.t = readStrings(this);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) control.disabled = false;
    part(this, '.endpoint-rescan').addEventListener('click', () => void this.discoverAndSay());
    onChoice(() => this.showReadiness());
    part(this, '.endpoint-connect').addEventListener('click', () => void this.connectTyped());
    const endpointSelect = part<HTMLSelectElement>(this, '.endpoint-select');
    endpointSelect.addEventListener('change', () => (endpointSelect.value === inBrowserOption ? this.chooseInBrowser() : this.choose(Number(endpointSelect.value))));
    const modelSelect = part<HTMLSelectElement>(this, '.endpoint-model');
    modelSelect.addEventListener('change', () => {
      const choice = currentChoice();
      if (choice) setChoice({ ...choice, model: modelSelect.value });
    });
    const keyField = part<HTMLInputElement>(this, '.endpoint-key');
    keyField.addEventListener('input', () => setPanelApiKey(keyField.value));
    onInBrowserModel((choice) => {
      this.renderEndpoints();
      // A model loaded in the tab becomes the endpoint when there is no other (or it replaces the tab's previous one).
      if (choice && (!currentChoice() || currentChoice()?.kind === 'browser')) this.chooseInBrowser();
      else if (!choice && currentChoice()?.kind === 'browser') {
        if (this.found[0]) this.choose(0);
        else {
          delete this.dataset['connected'];
          part<HTMLSelectElement>(this, '.endpoint-model').replaceChildren();
          this.state(this.t(this.viaBridge ? 'endpoint.noneFound' : 'endpoint.noBridge'));
          setChoice(undefined);
        }
      }
    });
    void this.discoverAndSay();
  }

  /** Chooses the model loaded in this tab for every chat demo. */
  private chooseInBrowser() {
    const choice = inBrowserChoice();
    if (!choice) return;
    part<HTMLSelectElement>(this, '.endpoint-select').value = inBrowserOption;
    part<HTMLSelectElement>(this, '.endpoint-model').replaceChildren(Object.assign(document.createElement('option'), { value: choice.model, textContent: choice.model }));
    this.state(this.t('endpoint.inBrowser', { model: choice.model ?? '' }));
    this.dataset['connected'] = 'true';
    showDiagnosis(part(this, '.diagnosis'), undefined, undefined, this.t);
    setChoice(choice);
  }

  private state(text: string) {
    part(this, '.endpoint-state').textContent = text;
  }

  /** The chip: searching while it looks, then whether a model is chosen. */
  private async discoverAndSay() {
    showDemoState(this, 'searching', this.t);
    await this.discover().finally(() => this.showReadiness());
  }

  private showReadiness() {
    showDemoState(this, stateBeforeAnswer(currentChoice()?.model ? 1 : 0), this.t);
  }

  private async discover() {
    this.state(this.t('endpoint.searching'));
    const report = await askBridgeForEndpoints();
    this.viaBridge = report !== undefined;
    this.found = report?.endpoints ?? [];
    this.showUnreadCli(this.found.length === 0 ? (report?.cli ?? []) : []);
    const remembered = rememberedChoice();
    const rememberedAddress = endpointAddress(typeof remembered.baseUrl === 'string' ? remembered.baseUrl : '');
    if (!this.viaBridge && 'origin' in rememberedAddress) {
      await this.connectTo(rememberedAddress.origin);
      return;
    }
    this.renderEndpoints();
    if (this.found.length === 0 && inBrowserChoice()) {
      this.chooseInBrowser();
      return;
    }
    if (this.found.length === 0) {
      // No answer from the bridge while the browser has no network: say that, not that this copy has no bridge.
      const offline = !this.viaBridge && !navigator.onLine;
      this.state(this.t(this.viaBridge ? 'endpoint.noneFound' : offline ? 'endpoint.offline' : 'endpoint.noBridge'));
      setChoice(undefined);
      if (this.viaBridge) this.showFailure({ status: 502, message: 'bridge_unreachable' });
      else if (offline) this.showFailure({ status: undefined, message: 'offline' });
      return;
    }
    const preferred = this.found.findIndex((endpoint) => endpoint.baseUrl === remembered.baseUrl);
    this.choose(preferred >= 0 ? preferred : 0, remembered.model);
  }

  /** Says what each Foundry CLI that answered in an unknown shape printed, as text: the learner may recognise the address in it. */
  private showUnreadCli(reports: readonly CliReport[]) {
    const notes = part(this, '.endpoint-cli');
    const unread = reports.filter((report): report is CliReport & { unexpectedOutput: string } => report.unexpectedOutput !== undefined);
    notes.replaceChildren(
      ...unread.flatMap(({ generation, unexpectedOutput }) => {
        const command = ['foundry', ...(foundryStatusCommands.find((entry) => entry.generation === generation)?.args ?? [])].join(' ');
        const output = Object.assign(document.createElement('pre'), { className: 'diagnosis-command', dir: 'ltr' });
        output.append(Object.assign(document.createElement('code'), { textContent: unexpectedOutput }));
        return [Object.assign(document.createElement('p'), { textContent: this.t('endpoint.cliNotUnderstood', { command }) }), output];
      }),
    );
    notes.hidden = unread.length === 0;
  }

  /** Connects to the address the learner typed, written back as the origin it stands for; or says why it cannot. */
  private async connectTyped() {
    const field = part<HTMLInputElement>(this, '.endpoint-url');
    const address = endpointAddress(field.value);
    if ('problem' in address) {
      showAddressProblem(part(this, '.diagnosis'), address.problem, this.t);
      return;
    }
    field.value = address.origin;
    await this.connectTo(address.origin);
  }

  private async connectTo(baseUrl: string) {
    const probe: EndpointChoice = { baseUrl, kind: 'openai-compatible', models: [], model: undefined, viaBridge: this.viaBridge };
    try {
      const response = this.viaBridge
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
    return this.t(endpoint.kind === 'foundry' ? `kind.foundry${endpoint.generation ?? 2}` : `kind.${endpoint.kind}`);
  }

  private renderEndpoints() {
    const select = part<HTMLSelectElement>(this, '.endpoint-select');
    const chosen = select.value;
    const inBrowser = inBrowserChoice();
    select.replaceChildren(
      ...this.found.map((endpoint, index) =>
        Object.assign(document.createElement('option'), {
          value: String(index),
          textContent: `${this.kindLabel(endpoint)} — ${endpoint.baseUrl} (${this.t(`endpoint.foundBy.${endpoint.foundBy}`)})`,
        }),
      ),
      ...(inBrowser ? [Object.assign(document.createElement('option'), { value: inBrowserOption, textContent: `${this.t('kind.browser')} — ${inBrowser.model}` })] : []),
    );
    if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
  }

  private choose(index: number, preferredModel?: string) {
    const endpoint = this.found[index];
    if (!endpoint) return;
    part<HTMLSelectElement>(this, '.endpoint-select').value = String(index);
    const models = part<HTMLSelectElement>(this, '.endpoint-model');
    const chatModels = endpoint.models.filter((model) => !isEmbeddingModel(model.id));
    models.replaceChildren(
      ...chatModels.map((model) => {
        const state = model.loaded === undefined ? '' : ` — ${this.t(model.loaded ? 'endpoint.loaded' : 'endpoint.notLoaded')}`;
        return Object.assign(document.createElement('option'), { value: model.id, textContent: `${model.id}${state}` });
      }),
    );
    const model =
      chatModels.find((entry) => entry.id === preferredModel)?.id ?? chatModels.find((entry) => entry.loaded !== false)?.id ?? chatModels[0]?.id;
    if (model) models.value = model;
    const route = this.t(this.viaBridge ? 'endpoint.viaBridge' : 'endpoint.direct');
    this.state(this.t('endpoint.connected', { kind: this.kindLabel(endpoint), url: endpoint.baseUrl, route }));
    this.dataset['connected'] = 'true';
    showDiagnosis(part(this, '.diagnosis'), undefined, undefined, this.t);
    setChoice({ baseUrl: endpoint.baseUrl, kind: endpoint.kind, generation: endpoint.generation, models: endpoint.models, model, viaBridge: this.viaBridge });
  }

  private showFailure(failure: { status: number | undefined; message: string }, choice?: EndpointChoice) {
    delete this.dataset['connected'];
    showDiagnosis(part(this, '.diagnosis'), { ...failure, direct: !this.viaBridge, model: choice?.model }, choice, this.t);
  }
}

/** Registers <endpoint-panel> once. */
export function defineEndpointPanel(): void {
  if (!customElements.get('endpoint-panel')) customElements.define('endpoint-panel', EndpointPanel);
}
