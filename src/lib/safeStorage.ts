/**
 * Web storage that may be missing or throwing (privacy modes, disabled storage, a full quota): one guard
 * for every part of the course that keeps something in the browser. Reads and writes never throw.
 */

/** localStorage itself, or undefined where even reading the property throws (storage disabled). */
export function localStorageIfAllowed(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function sessionStorageIfAllowed(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

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
export const safeStorage = storageThatNeverThrows(localStorageIfAllowed);

/** sessionStorage, safely: what lasts only until the tab is closed. */
export const safeSessionStorage = storageThatNeverThrows(sessionStorageIfAllowed);
