import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultShell, isShell, preferredShell, shellToShow } from '../../src/lib/preferences';
import { safeStorage } from '../../src/lib/safeStorage';

describe('defaultShell', () => {
  it('is PowerShell on Windows and a POSIX shell elsewhere', () => {
    expect(defaultShell('Win32')).toBe('powershell');
    expect(defaultShell('Windows')).toBe('powershell');
    expect(defaultShell('MacIntel')).toBe('posix');
    expect(defaultShell('Linux x86_64')).toBe('posix');
    expect(defaultShell('')).toBe('posix');
  });
});

describe('shellToShow', () => {
  it('shows the preferred shell when the group has it, else the group’s first', () => {
    expect(shellToShow('cmd', ['powershell', 'cmd', 'posix'])).toBe('cmd');
    expect(shellToShow('cmd', ['powershell', 'posix'])).toBe('powershell');
  });

  it('recognises only known shell ids', () => {
    expect(isShell('posix')).toBe(true);
    expect(isShell('Command Prompt')).toBe(false);
  });
});

describe('safeStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads null and reports a failed write when storage throws', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(safeStorage.get('k')).toBeNull();
    expect(safeStorage.set('k', 'v')).toBe(false);
  });
});

describe('preferredShell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes the reader’s stored choice, else the page’s, else the OS default', () => {
    expect(preferredShell('windows')).toBe('powershell');
    expect(preferredShell('linux', 'cmd')).toBe('cmd');
    expect(preferredShell('macos', 'fish')).toBe('posix');
    vi.stubGlobal('localStorage', { getItem: () => 'cmd' });
    expect(preferredShell('macos', 'posix')).toBe('cmd');
  });
});
