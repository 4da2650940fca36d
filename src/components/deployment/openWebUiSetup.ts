/** The behaviour of <open-webui-setup>: rebuild the command as the choices change, check, and tick. */
import { endpointAddress } from '../../lib/endpointAddress';
import { translateFrom, type Translate } from '../../lib/i18n';
import { openWebUiSetup, type LinuxNetwork } from '../../lib/openWebUiCommands';
import { isHostSystem } from '../../lib/platform';
import { isShell } from '../../lib/preferences';
import { readerShell, readerSystem } from '../readerPlatform';
import { part } from '../dom';
import { pageHasBridge } from '../endpoint/bridgeDiscovery';
import { currentChoice, onChoice, type EndpointChoice } from '../endpoint/endpointStore';
import { openAiClientFor } from '../endpoint/openAiClient';
import { failureOf, showAddressProblem, showDiagnosis } from '../endpoint/diagnosisView';
import { markTaskDone } from '../progress/browserProgress';
import { readStrings } from '../strings';
import type { OpenWebUiSetupKey } from './deploymentStrings';

/** The Session 4 checklist task a confirmed reply in Open WebUI proves done. */
const openWebUiTaskId = 'open-webui-connected';

class OpenWebUiSetupElement extends HTMLElement {
  private t: Translate<OpenWebUiSetupKey> = translateFrom<OpenWebUiSetupKey>({});

  connectedCallback() {
    this.t = readStrings(this);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('select, input, button')) control.disabled = false;
    this.select('.owui-system').value = readerSystem();
    this.select('.owui-shell').value = readerShell();
    this.followChoice(currentChoice());
    onChoice((choice) => this.followChoice(choice));
    this.addEventListener('input', () => this.render());
    this.addEventListener('change', () => this.render());
    part(this, '.owui-check').addEventListener('click', () => void this.check());
    part(this, '.owui-confirm').addEventListener('click', () => {
      markTaskDone(openWebUiTaskId);
      this.status(this.t('owui.confirmed'));
    });
    this.render();
  }

  private select(selector: string): HTMLSelectElement {
    return part<HTMLSelectElement>(this, selector);
  }

  private endpointField(): HTMLInputElement {
    return part<HTMLInputElement>(this, '.owui-endpoint');
  }

  private followChoice(choice: EndpointChoice | undefined) {
    if (!choice || choice.kind === 'browser') return; // Open WebUI, a container, cannot reach a model inside this tab
    this.endpointField().value = choice.baseUrl;
    this.render();
  }

  private render() {
    const system = this.select('.owui-system').value;
    const shell = this.select('.owui-shell').value;
    const linux = part<HTMLElement>(this, '.owui-linux');
    linux.hidden = system !== 'linux';
    if (!isHostSystem(system) || !isShell(shell)) return;
    const setup = openWebUiSetup({
      system,
      shell,
      endpoint: this.endpointField().value,
      linuxNetwork: (this.querySelector<HTMLInputElement>('input[name="owui-linux-network"]:checked')?.value ?? 'host') as LinuxNetwork,
      keepData: part<HTMLInputElement>(this, '.owui-keep-data').checked,
      rereadSettings: part<HTMLInputElement>(this, '.owui-reread').checked,
    });
    const code = part(this, '.owui-command code');
    const summary = part(this, '.owui-summary');
    if ('problem' in setup) {
      code.textContent = '';
      summary.textContent = this.t(`address.${setup.problem}`);
      return;
    }
    code.textContent = setup.command;
    summary.textContent = this.t('owui.summary', { apiBase: setup.apiBaseUrl, openAt: setup.openAt });
    part(this, '.owui-port-warning').textContent = this.t('owui.portWarning', { port: setup.endpointPort });
  }

  private status(text: string) {
    part(this, '.owui-status').textContent = text;
  }

  /** Asks the endpoint for /v1/models, as Open WebUI will, through the bridge when the page has one. */
  private async check() {
    const address = endpointAddress(this.endpointField().value);
    const diagnosis = part<HTMLElement>(this, '.diagnosis');
    this.status('');
    if ('problem' in address) {
      showAddressProblem(diagnosis, address.problem, this.t);
      return;
    }
    showDiagnosis(diagnosis, undefined, undefined, this.t);
    const endpoint = address.origin;
    const panelChoice = currentChoice();
    const chosen = panelChoice?.kind === 'browser' ? undefined : panelChoice;
    // Another address than the chosen endpoint gets no key: the panel's key belongs to that endpoint alone.
    const probe: EndpointChoice = { kind: 'openai-compatible', models: [], model: undefined, viaBridge: await pageHasBridge(), ...chosen, baseUrl: endpoint, ...(chosen?.baseUrl === endpoint ? {} : { apiKey: '' }) };
    try {
      const client = await openAiClientFor(probe);
      const models = (await client.models.list()).data.map((model) => model.id);
      this.status(
        models.length === 0
          ? this.t('owui.checkEmpty')
          : this.t('owui.checkOk', { count: models.length, models: models.slice(0, 3).join(', ') }),
      );
    } catch (error) {
      showDiagnosis(diagnosis, failureOf(error, probe), probe, this.t);
    }
  }
}

/** Registers <open-webui-setup> once. */
export function defineOpenWebUiSetup(): void {
  if (!customElements.get('open-webui-setup')) customElements.define('open-webui-setup', OpenWebUiSetupElement);
}
