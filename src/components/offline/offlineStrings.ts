/** The UI strings the offline room's script reads (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** What the offline status and its notices say. */
export const offlineStatusKeys = [
  'offline.preparing', 'offline.ready', 'offline.persist', 'offline.persisted', 'offline.persistRefused', 'offline.remove', 'offline.removed',
  'offline.enable', 'offline.off', 'offline.unsupported', 'offline.failedQuota', 'offline.failedOther', 'offline.updateAvailable', 'offline.reload',
  'offline.dismiss', 'offline.readyToast', 'offline.nowOffline',
] as const satisfies readonly UiKey[];
/** A key of `offlineStatusKeys`. */
export type OfflineStatusKey = (typeof offlineStatusKeys)[number];
