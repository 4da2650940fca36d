/**
 * The reader's system and shell on the client. The platform is read once, by the head script before first
 * paint (see course/HeadPreferences.astro), and every script asks here rather than reading navigator again.
 */
import { isHostSystem, type HostSystem } from '../lib/platform';
import { preferredShell, type Shell } from '../lib/preferences';

/** The reader's OS, as the head script recorded it on `<html data-system>`. */
export function readerSystem(): HostSystem {
  const system = document.documentElement.dataset['system'];
  return isHostSystem(system) ? system : 'linux';
}

/** The shell to show commands for: the reader's choice, else their OS's. */
export function readerShell(): Shell {
  return preferredShell(readerSystem(), document.documentElement.dataset['shell']);
}
