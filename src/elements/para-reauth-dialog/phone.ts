/**
 * Turns what a person types into the E.164 form Para's `{ auth: { phone } }` needs: `+14155552671`.
 * A number without `+` (or `00`) gets `countryCode` in front, its national trunk `0` dropped
 * (`020 7946 0958` with `+44` → `+442079460958`). Returns `null` for anything that is not a number.
 */
export function toE164(input: string, countryCode: string | null): string | null {
  const compact = input.trim().replace(/[\s().\-\u00a0\u200e\u200f]/g, '');
  let number: string;
  if (compact.startsWith('+')) number = compact;
  else if (compact.startsWith('00')) number = `+${compact.slice(2)}`;
  else if (countryCode) number = `${countryCode}${compact.replace(/^0+/, '')}`;
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
