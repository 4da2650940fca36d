/**
 * Reader preferences kept in the browser: language, colour theme and shell. One place for their storage
 * keys and defaults, shared by the inline script that applies them before first paint and by the widgets.
 */
import { hostSystemOf, shellOfSystem, type HostSystem } from './platform.ts';
import { safeStorage } from './safeStorage.ts';

/** Where each preference is kept in localStorage. */
export const preferenceKeys = {
  locale: 'edge-course:locale',
  theme: 'edge-course:theme',
  shell: 'edge-course:shell',
} as const;

/** What this browser remembers about the course's offline copy. */
export const offlinePreferenceKeys = {
  /** Set when the reader removed the offline copy: no service worker is registered until they turn it back on. */
  turnedOff: 'edge-course:offline-off',
  /** Set once the reader has been told the course opens offline, so the notice shows once. */
  announced: 'edge-course:offline-announced',
} as const;

/** Shells a command can be shown for; ids are stored, labels come from the dictionaries. */
export const shells = ['powershell', 'cmd', 'posix'] as const;
/** One of `shells`. */
export type Shell = (typeof shells)[number];

/** Colour themes: `auto` follows the system. */
export const themes = ['auto', 'light', 'dark'] as const;
/** One of `themes`. */
export type Theme = (typeof themes)[number];

/** Whether a value is a known shell id. */
export function isShell(value: unknown): value is Shell {
  return typeof value === 'string' && (shells as readonly string[]).includes(value);
}

/** Whether a value is a known theme. */
export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

/** The shell to show a visitor who has not chosen one, from navigator's platform string. */
export function defaultShell(platform: string): Shell {
  return shellOfSystem(hostSystemOf(platform));
}

/**
 * The shell the reader uses: the one they chose (perhaps in another tab since this page loaded), else
 * the one the page's head script settled on before first paint (`<html data-shell>`), else their OS's.
 */
export function preferredShell(system: HostSystem, pageShell?: string): Shell {
  const stored = safeStorage.get(preferenceKeys.shell);
  if (isShell(stored)) return stored;
  return isShell(pageShell) ? pageShell : shellOfSystem(system);
}

/** The tab to show in a group offering `available` shells, given the reader's preferred one. */
export function shellToShow(preferred: Shell, available: readonly Shell[]): Shell | undefined {
  return available.includes(preferred) ? preferred : available[0];
}
