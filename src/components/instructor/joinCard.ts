/**
 * The behaviour of <join-card>: which address attendees open — the public course site, this computer as
 * this browser reached it (the course served with `npm start -- --lan` and opened at its network address),
 * or an address the instructor types, kept in the page's URL as `?at=` so a reload or a bookmark keeps it.
 * The address and its QR code are redrawn together; an address that names only this machine is explained.
 */
import { translateFrom, type Translate } from '../../lib/i18n';
import { isLoopbackOrigin, joinAddress, typedOrigin } from '../../lib/joinAddress';
import { part, parts } from '../dom';
import { drawQrCode } from '../qrSvg';
import { readStrings } from '../strings';
import type { JoinCardKey } from './instructorStrings';

type Source = 'public' | 'this-computer' | 'typed';

class JoinCard extends HTMLElement {
  private t: Translate<JoinCardKey> = translateFrom<JoinCardKey>({});

  connectedCallback() {
    this.t = readStrings(this);
    const publicOrigin = this.dataset['publicOrigin'] ?? location.origin;
    const form = part<HTMLFormElement>(this, 'form.join-choice');
    const typedInput = part<HTMLInputElement>(form, 'input[name="at"]');
    const problem = part(form, '.join-problem');
    const radios = parts<HTMLInputElement>(form, 'input[name="source"]');
    const thisComputer = location.origin !== publicOrigin;
    part(form, '.join-this-computer').hidden = !thisComputer;
    part(form, '.join-this-origin').textContent = location.origin;
    form.hidden = false;

    const print = part<HTMLButtonElement>(this, 'button.join-print');
    print.hidden = false;
    print.addEventListener('click', () => window.print());

    const choose = (source: Source) => radios.forEach((radio) => (radio.checked = radio.value === source));
    const chosen = (): Source => (radios.find((radio) => radio.checked)?.value as Source | undefined) ?? 'public';
    const show = (): boolean => {
      const source = chosen();
      problem.textContent = '';
      typedInput.removeAttribute('aria-invalid');
      let origin = source === 'this-computer' ? location.origin : publicOrigin;
      if (source === 'typed') {
        const typed = typedOrigin(typedInput.value);
        if (!typed.ok) {
          problem.textContent = this.t(`join.problem.${typed.problem}`);
          typedInput.setAttribute('aria-invalid', 'true');
          return false;
        }
        origin = typed.origin;
      }
      const url = new URL(location.href);
      if (source === 'typed') url.searchParams.set('at', origin);
      else url.searchParams.delete('at');
      history.replaceState(null, '', url);
      this.showAddress(origin);
      return true;
    };

    const stored = new URLSearchParams(location.search).get('at');
    if (stored) {
      typedInput.value = stored;
      choose('typed');
    } else if (thisComputer && !isLoopbackOrigin(location.origin)) choose('this-computer');
    show();

    for (const radio of radios)
      radio.addEventListener('change', () => {
        if (radio.value !== 'typed') show(); // a typed address is shown when submitted
      });
    typedInput.addEventListener('focus', () => choose('typed'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!show()) typedInput.focus();
    });
  }

  private showAddress(origin: string) {
    const address = joinAddress(origin, this.dataset['path'] ?? '/');
    const link = part<HTMLAnchorElement>(this, 'a.join-link');
    link.href = address;
    link.textContent = address;
    drawQrCode(part<SVGSVGElement>(this, 'svg.join-qr'), address, this.t('join.qrLabel', { address }));
    part(this, '.join-warning').textContent = isLoopbackOrigin(origin) ? this.t('join.loopback', { origin }) : '';
  }
}

/** Registers <join-card> once. */
export function defineJoinCard(): void {
  if (!customElements.get('join-card')) customElements.define('join-card', JoinCard);
}
