/** Countries whose national numbers keep their leading `0` in E.164: Italy, San Marino, Vatican City. */
const KEEPS_LEADING_ZERO = new Set(['+39', '+378', '+379']);

/**
 * Arabic-Indic (U+0660–0669), Persian (U+06F0–06F9) and full-width (U+FF10–FF19) digits as ASCII, and the
 * full-width `＋ （ ） － ．` (a Japanese or Chinese IME types them with the digits) as their ASCII forms.
 */
const asciiDigits = (text: string) =>
  text
    .replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => String(digit.charCodeAt(0) % 16))
    .replace(/[\uff0b\uff08\uff09\uff0d\uff0e]/g, (sign) => String.fromCharCode(sign.charCodeAt(0) - 0xfee0));

/**
 * What separates digit groups and is not part of the number: spaces (also no-break and thin ones), brackets, dots,
 * every dash (hyphen, non-breaking hyphen, en and em dash, minus sign: autocorrect and pasted text), and the
 * direction marks a number copied from a right-to-left page or a chat app comes wrapped in.
 */
const SEPARATORS = /[\s().\-\u00a0\u2010-\u2015\u2212\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Turns what a person types into the E.164 form Para's `{ auth: { phone } }` needs: `+14155552671`.
 * A number without `+` (or `00`) gets `countryCode` in front, its national trunk `0` dropped
 * (`020 7946 0958` with `+44` → `+442079460958`), except where the `0` belongs to the number (`+39`).
 * Returns `null` for anything that is not a number.
 */
export function toE164(input: string, countryCode: string | null): string | null {
  const compact = asciiDigits(input.trim())
    // `+44 (0)20 …`: the bracketed trunk 0 is dialled only from inside the country.
    // Direction marks first: a wrapped `+44 (0)20 …` is still one.
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^((?:\+|00)\d{1,4})[\s.\-\u00a0\u2010-\u2015\u2212]*\(0\)/, (_, code: string) => (KEEPS_LEADING_ZERO.has(code.replace(/^00/, '+')) ? `${code}0` : code))
    .replace(SEPARATORS, '');
  let number: string;
  if (compact.startsWith('+')) number = compact;
  else if (compact.startsWith('00')) number = `+${compact.slice(2)}`;
  else if (countryCode) number = `${countryCode}${KEEPS_LEADING_ZERO.has(countryCode) ? compact : compact.replace(/^0+/, '')}`;
  else return null;
  return /^\+[1-9]\d{6,14}$/.test(number) ? number : null;
}

/** A `country-code` attribute's value as `+NN`, or `null` when it is not one (the caller warns). */
export function parseCountryCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const code = value.trim().replace(/^00/, '+');
  const withPlus = code.startsWith('+') ? code : `+${code}`;
  return /^\+[1-9]\d{0,3}$/.test(withPlus) ? withPlus : null;
}
