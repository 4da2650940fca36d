/**
 * Quoting for the commands a learner copies into their shell. A value that came from outside (a model id an
 * endpoint listed, an address someone typed) must reach the program as one literal word: quoted for the
 * reader's shell, or refused when that shell cannot hold it literally. A plain value stays as it is, so
 * ordinary commands read as the docs write them (`foundry run phi-4-mini`).
 *
 * - PowerShell: single quotes, inside which nothing expands; a quote inside is doubled, and PowerShell counts
 *   the typographic single quotes ‘ ’ ‚ ‛ as quotes too (about_Quoting_Rules, and the language
 *   specification's single-quote-character). A double quote is refused: Windows PowerShell 5.1 hands it to
 *   programs unescaped, so the program would split the word where the learner sees no break.
 * - cmd: double quotes, inside which & | < > ( ) ^ are literal. %NAME% still expands inside them (and !NAME!
 *   when delayed expansion is on) and a double quote cannot be escaped there, so % ! " are refused. Trailing
 *   backslashes are doubled, since programs read \" as an escaped quote (CommandLineToArgvW's rules).
 * - POSIX sh, bash, zsh: single quotes, inside which nothing expands; a quote becomes '\'' (close, escaped
 *   quote, reopen).
 *
 * Control, format (bidirectional overrides, zero-width) and line or paragraph separator characters are
 * refused for every shell: a newline starts another command, and an invisible character makes the command
 * differ from what the learner reads.
 */
import type { Shell } from './preferences.ts';

/** Why a value cannot go into a command: a character no quoting makes harmless, or one this shell's quotes cannot hold. */
export type UnquotableReason = 'control-character' | 'unquotable-character';

/** A value refused for a shell, and why: the command is not shown rather than shown wrong. */
export interface Unquotable {
  unquotable: UnquotableReason;
}

/** Letters first (no option dash, PowerShell splat or number, zsh `=` expansion), then what no shell treats specially. */
const plainWord = /^[A-Za-z][A-Za-z0-9_.:/+=@-]*$/;
const invisibleOrBreaking = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const unquotableIn: Record<Shell, RegExp | undefined> = { powershell: /"/, cmd: /["%!]/, posix: undefined };
const quoteFor: Record<Shell, (value: string) => string> = {
  powershell: (value) => `'${value.replace(/['‘’‚‛]/g, (quote) => quote + quote)}'`,
  cmd: (value) => `"${value.replace(/\\+$/, (backslashes) => backslashes + backslashes)}"`,
  posix: (value) => `'${value.replaceAll("'", "'\\''")}'`,
};

/** `value` as one literal word for `shell`: as it is when plain, else quoted; or why it cannot be. */
export function quoteForShell(value: string, shell: Shell): string | Unquotable {
  if (invisibleOrBreaking.test(value)) return { unquotable: 'control-character' };
  if (plainWord.test(value)) return value;
  if (unquotableIn[shell]?.test(value)) return { unquotable: 'unquotable-character' };
  return quoteFor[shell](value);
}

/** A tag for commands in `shell`: each interpolated value becomes one quoted word; one value that cannot be refuses the command. */
export function shellCommand(shell: Shell): (literals: TemplateStringsArray, ...values: string[]) => string | Unquotable {
  return (literals, ...values) => {
    let command = literals[0] ?? '';
    for (const [index, value] of values.entries()) {
      const word = quoteForShell(value, shell);
      if (typeof word !== 'string') return word;
      command += word + (literals[index + 1] ?? '');
    }
    return command;
  };
}
