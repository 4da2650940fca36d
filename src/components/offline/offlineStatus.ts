/**
 * <offline-status>: registers the course's service worker (after the page has loaded), asks it to keep
 * the pages of the language being read, and says so: ready, how much it keeps, failures with what to do.
 * Offers persistent storage and removing the copy (remembered, so the worker is not registered again until
 * the reader turns it back on). Floats a notice when a new version is waiting ("Update available —
 * reload"), when the copy first becomes ready, and while the network is gone. In `astro dev` it registers
 * nothing and removes a worker left by a build (see src/lib/devServiceWorkerGuard.ts).
 */
import { Workbox } from 'workbox-window';
import { isQuotaError } from '../../lib/browserModels';
import { formatBytes } from '../../lib/formatting';
import type { Translate } from '../../lib/i18n';
import { languageNameInText } from '../../lib/locales';
import type { OfflineReply, OfflineRequest } from '../../lib/offlineProtocol';
import { offlinePreferenceKeys } from '../../lib/preferences';
import { safeStorage } from '../../lib/safeStorage';
import { part } from '../dom';
import { readStrings } from '../strings';
import type { OfflineStatusKey } from './offlineStrings';

/** How long the worker may take to install or to store a language before the page says it failed. */
const workerPatienceMs = 90_000;

/** `promise`, or a rejection once `ms` have passed. */
function withinTime<T>(promise: Promise<T>, ms = workerPatienceMs): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}

/** Sends one request to a service worker and waits for its reply on a channel of its own. */
function ask(worker: ServiceWorker, request: OfflineRequest): Promise<OfflineReply> {
  return withinTime(
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<OfflineReply>) => resolve(event.data);
      worker.postMessage(request, [channel.port2]);
    }),
  );
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
  /** A new version is waiting: its notice stays until the reader reloads, and a change of worker then reloads this tab. */
  private updateWaiting = false;
  /** What the footer last said was stored, to say again with what the persist button learnt. */
  private lastReady: string | undefined;

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
      if (!this.updateWaiting && this.noticeText.textContent === this.t('offline.nowOffline')) this.notice.hidden = true;
    });
    if (!navigator.onLine) this.showNotice(this.t('offline.nowOffline'));
    void this.start();
  }

  /** Floats `text` over the page (never over a waiting update's notice); a notice that needs nothing from the reader goes away by itself. */
  private showNotice(text: string, { withReload = false, hideAfterMs = 0 } = {}): void {
    if (this.updateWaiting && !withReload) return;
    clearTimeout(this.noticeTimer);
    this.reloadButton.hidden = !withReload;
    this.notice.hidden = false;
    // Written once the region is shown, so that screen readers hear it.
    requestAnimationFrame(() => (this.noticeText.textContent = text));
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
    // A page outside the course's languages (the 404 page) registers the worker but keeps no language.
    const keepsLanguage = location.pathname.startsWith(`/${this.locale}/`);
    this.show(this.t('offline.preparing', { language: languageNameInText(this.locale) }));
    this.workbox = new Workbox('/sw.js');
    // A new version installed beside the one serving this page: the reader decides when to switch.
    this.workbox.addEventListener('waiting', () => {
      this.showNotice(this.t('offline.updateAvailable'), { withReload: true });
      this.updateWaiting = true;
    });
    // Every tab that was told of the update switches with the one where Reload was pressed: no page mixes versions.
    this.workbox.addEventListener('controlling', () => {
      if (this.updateWaiting) location.reload();
    });
    try {
      await this.workbox.register();
      const worker = (await withinTime(navigator.serviceWorker.ready)).active!;
      if (keepsLanguage) await this.report(await ask(worker, { type: 'keep-locale', locale: this.locale }));
      else this.show('');
    } catch (error) {
      this.show(this.t(isQuotaError(error) ? 'offline.failedQuota' : 'offline.failedOther'));
    }
  }

  private async report(reply: OfflineReply): Promise<void> {
    if (reply.type === 'failed') return this.show(this.t(reply.reason === 'quota' ? 'offline.failedQuota' : 'offline.failedOther'));
    const languages = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(reply.kept.map((locale) => languageNameInText(locale, this.locale)));
    const persisted = (await navigator.storage?.persisted?.()) ?? false;
    this.lastReady = this.t('offline.ready', { languages, size: formatBytes(reply.bytes, this.locale) });
    this.showReady(persisted ? 'offline.persisted' : undefined);
    if (!safeStorage.get(offlinePreferenceKeys.announced)) {
      safeStorage.set(offlinePreferenceKeys.announced, 'yes');
      this.showNotice(this.t('offline.readyToast'), { hideAfterMs: 8000 });
    }
  }

  /** Says the course is ready offline, with what the browser promised about keeping it, if known. */
  private showReady(promise: 'offline.persisted' | 'offline.persistRefused' | undefined): void {
    const canAsk = promise !== 'offline.persisted' && Boolean(navigator.storage?.persist);
    this.show(promise ? `${this.lastReady} ${this.t(promise)}` : (this.lastReady ?? ''), { persist: canAsk, remove: true });
    this.dataset['state'] = 'ready';
  }

  private async persist(): Promise<void> {
    this.showReady((await navigator.storage.persist()) ? 'offline.persisted' : 'offline.persistRefused');
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
