/** The behaviour of <open-webui-setup>: rebuild the command as the choices change, check, and tick. */
import { interpolate } from '../../lib/i18n';
import { pathInLocale } from '../../lib/locales';
import { hostSystemOf, isHostSystem, openWebUiSetup, type LinuxNetwork } from '../../lib/openWebUiCommands';
import { isShell, preferredShell } from '../../lib/preferences';
import { chatClient, currentChoice, onChoice, pageHasBridge, type EndpointChoice } from './endpointChoice';
import { failureOf, showDiagnosis } from './diagnosisView';
import { markTaskDone } from './progressClient';
import { readStrings } from '../dom';

/** The Session 4 checklist task a confirmed reply in Open WebUI proves done. */
const openWebUiTaskId = 'open-webui-connected';

class OpenWebUiSetupElement extends HTMLElement {
  private strings: Record<string, string> = {};

  connectedCallback() {
    this.strings = readStrings(this);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('select, input, button')) control.disabled = false;
    const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform;
    this.select('.owui-system').value = hostSystemOf(platform);
    this.select('.owui-shell').value = preferredShell(navigator.platform, document.documentElement.dataset['shell']);
    this.followChoice(currentChoice());
    onChoice((choice) => this.followChoice(choice));
    this.addEventListener('input', () => this.render());
    this.addEventListener('change', () => this.render());
    this.querySelector('.owui-check')!.addEventListener('click', () => void this.check());
    this.querySelector('.owui-confirm')!.addEventListener('click', () => {
      markTaskDone(pathInLocale(location.pathname), openWebUiTaskId);
      this.status(this.strings['owui.confirmed'] ?? '');
    });
    this.render();
  }

  private select(selector: string): HTMLSelectElement {
    return this.querySelector<HTMLSelectElement>(selector)!;
  }

  private endpointField(): HTMLInputElement {
    return this.querySelector<HTMLInputElement>('.owui-endpoint')!;
  }

  private followChoice(choice: EndpointChoice | undefined) {
    if (!choice) return;
    this.endpointField().value = choice.baseUrl;
    this.render();
  }

  /** The endpoint typed, as an origin; undefined when it is not an http(s) address. */
  private endpoint(): string | undefined {
    try {
      const url = new URL(this.endpointField().value.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
    } catch {
      return undefined;
    }
  }

  private render() {
    const system = this.select('.owui-system').value;
    const shell = this.select('.owui-shell').value;
    const endpoint = this.endpoint();
    const linux = this.querySelector<HTMLElement>('.owui-linux')!;
    linux.hidden = system !== 'linux';
    const code = this.querySelector('.owui-command code')!;
    const summary = this.querySelector('.owui-summary')!;
    if (!endpoint || !isHostSystem(system) || !isShell(shell)) {
      code.textContent = '';
      summary.textContent = this.strings['owui.invalidEndpoint'] ?? '';
      return;
    }
    const setup = openWebUiSetup({
      system,
      shell,
      endpoint,
      linuxNetwork: (this.querySelector<HTMLInputElement>('input[name="owui-linux-network"]:checked')?.value ?? 'host') as LinuxNetwork,
      keepData: this.querySelector<HTMLInputElement>('.owui-keep-data')!.checked,
      rereadSettings: this.querySelector<HTMLInputElement>('.owui-reread')!.checked,
    });
    code.textContent = setup.command;
    summary.textContent = interpolate(this.strings['owui.summary'] ?? '', { apiBase: setup.apiBaseUrl, openAt: setup.openAt });
    const port = new URL(endpoint).port || (endpoint.startsWith('https:') ? '443' : '80');
    this.querySelector('.owui-port-warning')!.textContent = interpolate(this.strings['owui.portWarning'] ?? '', { port });
  }

  private status(text: string) {
    this.querySelector('.owui-status')!.textContent = text;
  }

  /** Asks the endpoint for /v1/models, as Open WebUI will, through the bridge when the page has one. */
  private async check() {
    const endpoint = this.endpoint();
    const diagnosis = this.querySelector<HTMLElement>('.diagnosis')!;
    showDiagnosis(diagnosis, undefined, undefined, this.strings);
    if (!endpoint) {
      this.status(this.strings['owui.invalidEndpoint'] ?? '');
      return;
    }
    const chosen = currentChoice();
    // Another address than the chosen endpoint gets no key: the panel's key belongs to that endpoint alone.
    const probe: EndpointChoice = { kind: 'openai-compatible', models: [], model: undefined, viaBridge: await pageHasBridge(), ...chosen, baseUrl: endpoint, ...(chosen?.baseUrl === endpoint ? {} : { apiKey: '' }) };
    this.status('');
    try {
      const client = await chatClient(probe);
      const models = (await client.models.list()).data.map((model) => model.id);
      this.status(
        models.length === 0
          ? (this.strings['owui.checkEmpty'] ?? '')
          : interpolate(this.strings['owui.checkOk'] ?? '', { count: models.length, models: models.slice(0, 3).join(', ') }),
      );
    } catch (error) {
      showDiagnosis(diagnosis, failureOf(error, probe), probe, this.strings);
    }
  }
}

export function defineOpenWebUiSetup(): void {
  if (!customElements.get('open-webui-setup')) customElements.define('open-webui-setup', OpenWebUiSetupElement);
}
