/**
 * Reader preferences kept in the browser: language, colour theme and shell. One place for their storage
 * keys and defaults, shared by the inline script that applies them before first paint and by the widgets.
 */

export const preferenceKeys = {
  locale: 'edge-course:locale',
  theme: 'edge-course:theme',
  shell: 'edge-course:shell',
} as const;

/** Shells a command can be shown for; ids are stored, labels come from the dictionaries. */
export const shells = ['powershell', 'cmd', 'posix'] as const;
export type Shell = (typeof shells)[number];

export const themes = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export function isShell(value: unknown): value is Shell {
  return typeof value === 'string' && (shells as readonly string[]).includes(value);
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

/** The shell to show a visitor who has not chosen one: PowerShell on Windows, a POSIX shell elsewhere. */
export function defaultShell(platform: string): Shell {
  return /^win/i.test(platform) ? 'powershell' : 'posix';
}

/**
 * The shell the reader uses: the one they chose, else the one the page's head script settled on before
 * first paint (`<html data-shell>`), else their OS's default.
 */
export function preferredShell(platform: string, pageShell?: string): Shell {
  const stored = safeStorage.get(preferenceKeys.shell);
  if (isShell(stored)) return stored;
  return isShell(pageShell) ? pageShell : defaultShell(platform);
}

/** The tab to show in a group offering `available` shells, given the reader's preferred one. */
export function shellToShow(preferred: Shell, available: readonly Shell[]): Shell | undefined {
  return available.includes(preferred) ? preferred : available[0];
}

/** Web storage that may be missing or throwing (privacy modes, disabled storage): reads and writes never throw. */
function storageThatNeverThrows(storage: () => Storage | undefined) {
  return {
    get(key: string): string | null {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key: string, value: string): boolean {
      try {
        storage()?.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing stored, or nothing we may touch: either way it is not kept.
      }
    },
  };
}

/** localStorage, safely: what the course keeps between visits. */
export const safeStorage = storageThatNeverThrows(() => globalThis.localStorage);

/** sessionStorage, safely: what lasts only until the tab is closed. */
export const safeSessionStorage = storageThatNeverThrows(() => globalThis.sessionStorage);
