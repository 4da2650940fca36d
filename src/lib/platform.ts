/**
 * The reader's operating system and the shell it implies. The head script reads the platform once, before
 * first paint, with these very functions (serialised into it), and records it on `<html data-system>`.
 */
import type { Shell } from './preferences.ts';

/** The systems commands are written for. */
export const hostSystems = ['windows', 'macos', 'linux'] as const;
/** One of `hostSystems`. */
export type HostSystem = (typeof hostSystems)[number];

/** Whether a value names one of `hostSystems`. */
export function isHostSystem(value: unknown): value is HostSystem {
  return typeof value === 'string' && (hostSystems as readonly string[]).includes(value);
}

/** The learner's OS from navigator.platform (or userAgentData.platform). Self-contained: it is serialised into the head script. */
export function hostSystemOf(platform: string): HostSystem {
  if (/^win/i.test(platform)) return 'windows';
  if (/^mac/i.test(platform)) return 'macos';
  return 'linux';
}

/** The shell a system's terminal opens with: PowerShell on Windows, a POSIX shell elsewhere. Self-contained, like `hostSystemOf`. */
export function shellOfSystem(system: string): Shell {
  return system === 'windows' ? 'powershell' : 'posix';
}
