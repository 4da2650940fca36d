/** Numbers as a reader of a given language expects them (sizes, durations, percentages), and read back in any script. */

/** A size in kilobytes, or megabytes from 1 MiB up, with at most one decimal (1024-based, as file sizes are usually shown). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] = bytes >= 1024 * 1024 ? (['megabyte', bytes / (1024 * 1024)] as const) : (['kilobyte', bytes / 1024] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** A duration in milliseconds, with more decimals the shorter it is so sub-millisecond timings still show. */
export function formatMs(ms: number, locale: string): string {
  const digits = ms < 1 ? 3 : ms < 10 ? 2 : 1;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: digits }).format(ms);
}

/** A fraction (0.25) as a percentage ("25%"), with at most `fractionDigits` decimals. */
export function formatPercent(fraction: number, locale: string, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits }).format(fraction);
}

/** A number rounded to three significant digits, e.g. a token rate. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(value);
}

/** Arabic-Indic and Persian digits as ASCII, so that numbers written in any script can be read. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0)! - 0x0660) % 0x90));
}

/** A large count in the reader's short form: 135 M, 870 K (parameter counts). */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/** `text` cut to at most `max` characters, the cut marked with an ellipsis (for names in a chart's narrow heading). */
export function shortened(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
