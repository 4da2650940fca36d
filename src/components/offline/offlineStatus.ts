/**
 * <offline-status>: registers the course's service worker (after the page has loaded), asks it to keep
 * the pages of the language being read, and says so: ready, how much it keeps, failures with what to do.
 * Offers persistent storage and removing the copy (remembered, so the worker is not registered again until
 * the reader turns it back on). Floats a notice when a new version is waiting ("Update available —
 * reload"), when the copy first becomes ready, and while the network is gone. In `astro dev` it registers
 * nothing and removes a worker left by a build (see src/lib/devServiceWorkerGuard.ts).
 */
import { Workbox } from 'workbox-window';
import { formatBytes } from '../../lib/formatting';
import type { Translate } from '../../lib/i18n';
import { languageName } from '../../lib/locales';
import type { OfflineReply, OfflineRequest } from '../../lib/offlineProtocol';
import { offlinePreferenceKeys } from '../../lib/preferences';
import { safeStorage } from '../../lib/safeStorage';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { OfflineStatusKey } from './offlineStrings';

/** Sends one request to a service worker and waits for its reply on a channel of its own. */
function ask(worker: ServiceWorker, request: OfflineRequest): Promise<OfflineReply> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineReply>) => resolve(event.data);
    worker.postMessage(request, [channel.port2]);
  });
}

class OfflineStatus extends HTMLElement {
  private t!: Translate<OfflineStatusKey>;
  private readonly locale = document.documentElement.lang;
  private state!: HTMLElement;
  private persistButton!: HTMLButtonElement;
  private removeButton!: HTMLButtonElement;
  private enableButton!: HTMLButtonElement;
  private notice!: HTMLElement;
  private noticeText!: HTMLElement;
  private reloadButton!: HTMLButtonElement;
  private workbox: Workbox | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    this.t = readStrings<OfflineStatusKey>(this);
    this.state = part(this, '.offline-state');
    this.persistButton = part<HTMLButtonElement>(this, '.offline-persist');
    this.removeButton = part<HTMLButtonElement>(this, '.offline-remove');
    this.enableButton = part<HTMLButtonElement>(this, '.offline-enable');
    this.notice = part(this, '.course-notice');
    this.noticeText = part(this, '.course-notice-text');
    this.reloadButton = part<HTMLButtonElement>(this, '.course-notice-reload');
    part<HTMLButtonElement>(this, '.course-notice-dismiss').addEventListener('click', () => (this.notice.hidden = true));
    this.reloadButton.addEventListener('click', () => this.workbox?.messageSkipWaiting());
    this.persistButton.addEventListener('click', () => void this.persist());
    this.removeButton.addEventListener('click', () => void this.removeCopy());
    this.enableButton.addEventListener('click', () => {
      safeStorage.remove(offlinePreferenceKeys.turnedOff);
      void this.start();
    });
    addEventListener('offline', () => this.showNotice(this.t('offline.nowOffline')));
    addEventListener('online', () => {
      if (this.noticeText.textContent === this.t('offline.nowOffline')) this.notice.hidden = true;
    });
    if (!navigator.onLine) this.showNotice(this.t('offline.nowOffline'));
    void this.start();
  }

  /** Floats `text` over the page; a notice that needs nothing from the reader goes away by itself. */
  private showNotice(text: string, { withReload = false, hideAfterMs = 0 } = {}): void {
    clearTimeout(this.noticeTimer);
    this.noticeText.textContent = text;
    this.reloadButton.hidden = !withReload;
    this.notice.hidden = false;
    if (hideAfterMs > 0) this.noticeTimer = setTimeout(() => (this.notice.hidden = true), hideAfterMs);
  }

  private show(text: string, buttons: { persist?: boolean; remove?: boolean; enable?: boolean } = {}): void {
    delete this.dataset['state'];
    this.state.textContent = text;
    this.persistButton.hidden = !buttons.persist;
    this.removeButton.hidden = !buttons.remove;
    this.enableButton.hidden = !buttons.enable;
  }

  private async start(): Promise<void> {
    if (import.meta.env.DEV) {
      for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
      return;
    }
    if (!('serviceWorker' in navigator) || !isSecureContext) return this.show(this.t('offline.unsupported'));
    if (safeStorage.get(offlinePreferenceKeys.turnedOff)) return this.show(this.t('offline.off'), { enable: true });
    this.show(this.t('offline.preparing', { language: languageName(this.locale) }));
    this.workbox = new Workbox('/sw.js');
    // A new version installed beside the one serving this page: the reader decides when to switch.
    this.workbox.addEventListener('waiting', () => this.showNotice(this.t('offline.updateAvailable'), { withReload: true }));
    this.workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) location.reload();
    });
    try {
      await this.workbox.register();
      const worker = (await navigator.serviceWorker.ready).active!;
      await this.report(await ask(worker, { type: 'keep-locale', locale: this.locale }));
    } catch {
      this.show(this.t('offline.failedOther'));
    }
  }

  private async report(reply: OfflineReply): Promise<void> {
    if (reply.type === 'failed') return this.show(this.t(reply.reason === 'quota' ? 'offline.failedQuota' : 'offline.failedOther'));
    const languages = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(reply.kept.map((locale) => languageName(locale, this.locale)));
    const persisted = (await navigator.storage?.persisted?.()) ?? false;
    this.show(this.t('offline.ready', { languages, size: formatBytes(reply.bytes, this.locale) }), { persist: !persisted && Boolean(navigator.storage?.persist), remove: true });
    this.dataset['state'] = 'ready';
    if (persisted) this.state.append(' ', this.t('offline.persisted'));
    if (!safeStorage.get(offlinePreferenceKeys.announced)) {
      safeStorage.set(offlinePreferenceKeys.announced, 'yes');
      this.showNotice(this.t('offline.readyToast'), { hideAfterMs: 8000 });
    }
  }

  private async persist(): Promise<void> {
    const granted = await navigator.storage.persist();
    this.persistButton.hidden = granted;
    this.state.append(' ', this.t(granted ? 'offline.persisted' : 'offline.persistRefused'));
  }

  private async removeCopy(): Promise<void> {
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration?.active) await ask(registration.active, { type: 'forget' });
    await registration?.unregister();
    safeStorage.set(offlinePreferenceKeys.turnedOff, 'yes');
    safeStorage.remove(offlinePreferenceKeys.announced);
    this.show(this.t('offline.removed'), { enable: true });
  }
}

/** Registers <offline-status> once. */
export function defineOfflineStatus(): void {
  if (!customElements.get('offline-status')) customElements.define('offline-status', OfflineStatus);
}
