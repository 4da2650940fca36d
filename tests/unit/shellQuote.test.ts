import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixCommand } from '../../src/lib/endpointDiagnosis';
import type { Shell } from '../../src/lib/preferences';
import { quoteForShell, shellCommand } from '../../src/lib/shellQuote';

const hostile = [
  '$(rm -rf ~)',
  '`touch /tmp/pwned`',
  'phi; rm -rf ~',
  'phi & calc',
  'phi | sh',
  "it's",
  "''",
  '‘smart’ ‚low‛',
  '＄（id） ｀id｀',
  'рhi-4-mini',
  'C:\\models\\',
  '*?[a]{b,c}~',
  '-rf',
  '^&^|',
  '',
  `${'a'.repeat(10_000)}'$(id)'`,
];
const refusedForCmd = ['phi"b', '%PATH%', '!x!'];
const invisibleOrBreaking = ['phi\nrm -rf ~', 'phi\r\ncalc', 'phi\u0000', 'phi\u001b[2J', '\u202Eevil', 'phi\u200B-4', 'phi\u2028x', 'phi\u0085x'];

/** What PowerShell reads from a single-quoted word: any of ' ‘ ’ ‚ ‛ opens and closes it, two in a row stand for one. */
function readPowerShellWord(word: string): string | undefined {
  const quotes = "'‘’‚‛";
  const characters = [...word];
  if (!quotes.includes(characters[0] ?? '')) return undefined;
  let value = '';
  for (let index = 1; index < characters.length; index++) {
    const character = characters[index]!;
    if (quotes.includes(character)) {
      const next = characters[index + 1];
      if (next === undefined) return value;
      if (!quotes.includes(next)) return undefined;
      value += next;
      index++;
    } else value += character;
  }
  return undefined;
}

/** How a Windows program splits its command line (CommandLineToArgvW): backslashes count only before a quote. */
function windowsArguments(commandLine: string): string[] {
  const argumentsFound: string[] = [];
  let current: string | undefined;
  let quoted = false;
  for (let index = 0; index < commandLine.length; index++) {
    const character = commandLine[index]!;
    if (character === '\\') {
      let end = index;
      while (commandLine[end] === '\\') end++;
      const count = end - index;
      if (commandLine[end] === '"') {
        current = (current ?? '') + '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          current += '"';
          index = end;
        } else index = end - 1;
      } else {
        current = (current ?? '') + '\\'.repeat(count);
        index = end - 1;
      }
    } else if (character === '"') {
      quoted = !quoted;
      current ??= '';
    } else if (character === ' ' && !quoted) {
      if (current !== undefined) argumentsFound.push(current);
      current = undefined;
    } else current = (current ?? '') + character;
  }
  if (current !== undefined) argumentsFound.push(current);
  return argumentsFound;
}

const quoted = (value: string, shell: Shell) => {
  const word = quoteForShell(value, shell);
  if (typeof word !== 'string') throw new Error(`${JSON.stringify(value)} was refused for ${shell}`);
  return word;
};

describe('quoteForShell', () => {
  it('leaves plain ids, addresses and settings as they are, so commands read as the docs write them', () => {
    for (const shell of ['powershell', 'cmd', 'posix'] as const) {
      for (const plain of ['phi-4-mini', 'Phi-4-mini-instruct-generic-cpu:5', 'llama3.2:1b', 'http://127.0.0.1:5273/v1', 'OPENAI_API_BASE_URL=http://host.docker.internal:5273/v1', 'curl.exe']) {
        expect(quoteForShell(plain, shell)).toBe(plain);
      }
    }
  });

  it('quotes for PowerShell in single quotes, doubling every quote PowerShell counts, typographic ones too', () => {
    expect(quoteForShell('$(rm -rf ~)', 'powershell')).toBe("'$(rm -rf ~)'");
    expect(quoteForShell("it's", 'powershell')).toBe("'it''s'");
    expect(quoteForShell('‘smart’ ‚low‛', 'powershell')).toBe("'‘‘smart’’ ‚‚low‛‛'");
    expect(quoteForShell('%PATH%', 'powershell')).toBe("'%PATH%'");
    for (const value of hostile) expect(readPowerShellWord(quoted(value, 'powershell')), value).toBe(value);
  });

  it('refuses a double quote for PowerShell, which Windows PowerShell 5.1 hands to programs unescaped', () => {
    expect(quoteForShell('phi"b', 'powershell')).toEqual({ unquotable: 'unquotable-character' });
  });

  it('quotes for cmd in double quotes, where & | < > ^ are literal, and doubles trailing backslashes for the program', () => {
    expect(quoteForShell('phi & calc', 'cmd')).toBe('"phi & calc"');
    expect(quoteForShell('^&^|', 'cmd')).toBe('"^&^|"');
    expect(quoteForShell('C:\\models\\', 'cmd')).toBe('"C:\\models\\\\"');
    for (const value of hostile) {
      const word = quoted(value, 'cmd');
      // One quoted stretch with no quote, % or ! inside: cmd expands and splits nothing in it.
      expect(word, value).toMatch(/^"[^"%!]*"$/);
      expect(windowsArguments(`foundry run ${word}`), value).toEqual(['foundry', 'run', value]);
    }
  });

  it('refuses for cmd what its quotes cannot hold: a double quote, %VAR% and !VAR! expansion', () => {
    for (const value of refusedForCmd) expect(quoteForShell(value, 'cmd'), value).toEqual({ unquotable: 'unquotable-character' });
  });

  it('quotes for POSIX shells in single quotes, and sh and bash read back exactly the value', () => {
    expect(quoteForShell("it's", 'posix')).toBe("'it'\\''s'");
    expect(quoteForShell('$(rm -rf ~)', 'posix')).toBe("'$(rm -rf ~)'");
    for (const shell of ['sh', 'bash']) {
      for (const value of [...hostile, ...refusedForCmd]) {
        const printed = execFileSync(shell, ['-c', `printf %s ${quoted(value, 'posix')}`], { encoding: 'utf8', cwd: '/tmp' });
        expect(printed, `${shell}: ${value.slice(0, 40)}`).toBe(value);
      }
    }
  });

  it('refuses control, invisible and line-breaking characters for every shell', () => {
    for (const shell of ['powershell', 'cmd', 'posix'] as const) {
      for (const value of invisibleOrBreaking) expect(quoteForShell(value, shell), JSON.stringify(value)).toEqual({ unquotable: 'control-character' });
    }
  });
});

describe('shellCommand', () => {
  it('quotes each value as one word and keeps the command’s own text', () => {
    expect(shellCommand('posix')`foundry run ${"it's"}\nfoundry server status`).toBe("foundry run 'it'\\''s'\nfoundry server status");
  });

  it('refuses the whole command when one value cannot be quoted', () => {
    expect(shellCommand('cmd')`foundry run ${'phi'} ${'%PATH%'}`).toEqual({ unquotable: 'unquotable-character' });
  });
});

describe('fixCommand with a model id an endpoint made up', () => {
  it('quotes the id for the shell, so the command loads that model and runs nothing else', () => {
    expect(fixCommand('model-not-loaded', { shell: 'posix', generation: 2, model: '$(rm -rf ~)' })).toBe("foundry run '$(rm -rf ~)'");
    expect(fixCommand('model-not-downloaded', { shell: 'powershell', generation: 2, model: 'x`; calc' })).toBe("foundry model download 'x`; calc'");
    expect(fixCommand('nothing-listening', { shell: 'cmd', generation: 1, model: 'a&b' })).toBe('foundry model run "a&b"\nfoundry service status');
  });

  it('is refused rather than shown when the id cannot be quoted', () => {
    expect(fixCommand('model-not-loaded', { shell: 'cmd', generation: 2, model: '%USERPROFILE%' })).toEqual({ unquotable: 'unquotable-character' });
    expect(fixCommand('model-not-loaded', { shell: 'posix', generation: 2, model: 'phi\nrm -rf ~' })).toEqual({ unquotable: 'control-character' });
  });

  it('quotes the port it is given too', () => {
    expect(fixCommand('alias-not-id', { shell: 'posix', generation: 2, port: '1;id' })).toBe("curl 'http://127.0.0.1:1;id/v1/models'");
  });
});
