import { unitWords } from './translations.js';

/** How time left reads: `1 hr, 42 min` (short) or `1 hour, 42 minutes` (long), in the page's language. */
export type TimeFormat = 'short' | 'long';

/**
 * Which time is being written: `duration` (the status outside the warning window, in minutes),
 * `countdown` (the visible `1:52`), `spoken` (what screen readers hear: `1 minute, 52 seconds`).
 */
export interface TimeFormatContext {
  kind: 'duration' | 'countdown' | 'spoken';
  locale: string;
  format: TimeFormat;
}

/** An app's own wording for a time; return `undefined` to keep the built-in one. */
export type FormatTimeHook = (seconds: number, context: TimeFormatContext) => string | undefined | null;

type Parts = { days?: number; hours?: number; minutes?: number; seconds?: number };
type Unit = keyof Parts;
const UNIT_NAMES: Record<Unit, 'day' | 'hour' | 'minute' | 'second'> = { days: 'day', hours: 'hour', minutes: 'minute', seconds: 'second' };

interface DurationFormatLike {
  format(duration: Parts): string;
}
type DurationFormatCtor = new (locale: string, options: { style: 'long' | 'short' }) => DurationFormatLike;

/** `Intl.DurationFormat` where the browser has it (Chromium 129+, Safari 16.4+, Firefox 136+). */
const durationFormat = (): DurationFormatCtor | undefined => (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;

/** Intl formatters are costly to build and pure to use: one per language and options, built on first use. */
const formatters = new Map<string, unknown>();
function formatter<T>(key: string, build: () => T): T {
  if (!formatters.has(key)) formatters.set(key, build());
  return formatters.get(key) as T;
}

/**
 * English (`en`, `en-US`) as `Intl` writes it, word for word, without building an `Intl` formatter: a page's
 * first one costs 30–50 ms in Chromium (it loads the locale's data), on the path to the first status shown.
 * The unit test holds it to `Intl`'s own output in every engine.
 */
const ENGLISH: Record<'long' | 'short', Record<Unit, [one: string, other: string]>> = {
  long: { days: ['day', 'days'], hours: ['hour', 'hours'], minutes: ['minute', 'minutes'], seconds: ['second', 'seconds'] },
  short: { days: ['day', 'days'], hours: ['hr', 'hr'], minutes: ['min', 'min'], seconds: ['sec', 'sec'] },
};
const writesEnglish = (locale: string) => locale === 'en' || locale === 'en-US';

function englishParts(units: Unit[], shown: Parts, style: 'long' | 'short'): string {
  return units.map((unit) => `${shown[unit]} ${ENGLISH[style][unit][shown[unit] === 1 ? 0 : 1]}`).join(', ');
}

/** Which parts are said: the non-zero ones, or "0 seconds" (or "0 min" when seconds are not shown), never nothing. */
function partsToSay(parts: Parts): { units: Unit[]; shown: Parts } {
  const units = (Object.keys(UNIT_NAMES) as Unit[]).filter((unit) => (parts[unit] ?? 0) > 0);
  if (units.length === 0) units.push('seconds' in parts ? 'seconds' : 'minutes');
  return { units, shown: Object.fromEntries(units.map((unit) => [unit, parts[unit] ?? 0])) };
}

/**
 * Writes the non-zero parts in words: English directly (below 1,000 of a unit, where no digit grouping is
 * needed), else through `Intl.DurationFormat`, else `Intl.NumberFormat` units joined by `Intl.ListFormat`,
 * else the translation's unit words chosen by `Intl.PluralRules`.
 */
export function formatParts(parts: Parts, locale: string, style: 'long' | 'short'): string {
  const { units, shown } = partsToSay(parts);
  if (writesEnglish(locale) && units.every((unit) => shown[unit]! < 1000)) return englishParts(units, shown, style);
  return intlParts(units, shown, locale, style);
}

/** `formatParts` through `Intl` alone; exported for the test that holds the English wording to it. */
export function formatPartsWithIntl(parts: Parts, locale: string, style: 'long' | 'short'): string {
  const { units, shown } = partsToSay(parts);
  return intlParts(units, shown, locale, style);
}

function intlParts(units: Unit[], shown: Parts, locale: string, style: 'long' | 'short'): string {
  const DurationFormat = durationFormat();
  if (DurationFormat && units.some((unit) => shown[unit]! > 0)) {
    return formatter(`duration ${locale} ${style}`, () => new DurationFormat(locale, { style })).format(shown);
  }
  const words = units.map((unit) => formatUnit(shown[unit]!, UNIT_NAMES[unit], locale, style));
  return formatter(`list ${locale} ${style}`, () => new Intl.ListFormat(locale, { type: 'unit', style })).format(words);
}

function formatUnit(value: number, unit: 'day' | 'hour' | 'minute' | 'second', locale: string, style: 'long' | 'short'): string {
  try {
    return formatter(`unit ${locale} ${unit} ${style}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style })).format(value);
  } catch {
    const category = new Intl.PluralRules(locale).select(value);
    const forms = unitWords(locale)[unit];
    return `${new Intl.NumberFormat(locale).format(value)} ${forms[category] ?? forms.other}`;
  }
}

/**
 * Minutes, rounded up so the last minute never reads "0 min"; zero units are left out ("1 hr", not "1 hr, 0 min").
 * From a day on, days and hours (rounded up): "29 days, 23 hr", not a minute count that changes every minute.
 */
export function formatDuration(seconds: number, format: TimeFormat = 'short', locale = 'en'): string {
  const totalMinutes = Math.ceil(Math.max(0, seconds) / 60);
  if (totalMinutes > 1440) {
    const totalHours = Math.ceil(totalMinutes / 60);
    return formatParts({ days: Math.floor(totalHours / 24), hours: totalHours % 24, minutes: 0 }, locale, format);
  }
  const parts = { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
  return formatParts(parts, locale, format);
}

/** A running clock for the warning window, in the language's digits: `1:52`, `0:09`, `1:00:00`. */
export function formatCountdown(seconds: number, locale = 'en'): string {
  return countdown(seconds, locale, writesEnglish(locale));
}

/** `formatCountdown` through `Intl` alone; exported for the test that holds the English digits to it. */
export const formatCountdownWithIntl = (seconds: number, locale: string): string => countdown(seconds, locale, false);

function countdown(seconds: number, locale: string, direct: boolean): string {
  const total = Math.max(0, Math.ceil(seconds));
  type Digits = (n: number) => string;
  // `format` of an Intl.NumberFormat is bound to it, so it can be passed on as a function.
  const [one, two]: [Digits, Digits] = direct
    ? [String, (n) => (n < 10 ? `0${n}` : String(n))]
    : [
        formatter(`digits ${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: false })).format,
        formatter(`two digits ${locale}`, () => new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false })).format,
      ];
  // A warning window longer than a day (`warn-before` of a 30-day session): its days in words, then the clock.
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = two(total % 60);
  const clock = hours > 0 || days > 0 ? `${one(hours)}:${two(minutes)}:${secs}` : `${one(minutes)}:${secs}`;
  return days > 0 ? `${formatParts({ days }, locale, 'short')} ${clock}` : clock;
}

/** What a screen reader hears for a countdown: "1 minute, 52 seconds", never "one fifty-two"; "1 day, …", never "24 hours". */
export function speakCountdown(seconds: number, locale = 'en'): string {
  const total = Math.max(0, Math.ceil(seconds));
  const parts = { days: Math.floor(total / 86_400), hours: Math.floor((total % 86_400) / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
  return formatParts(parts, locale, 'long');
}

const threwBefore = new WeakSet<FormatTimeHook>();

/** Runs the app's hook first; a hook that throws or returns nothing falls back to the built-in wording. */
export function writeTime(seconds: number, context: TimeFormatContext, hook: FormatTimeHook | undefined): string {
  if (hook) {
    try {
      const text = hook(seconds, context);
      if (typeof text === 'string' && text) return text;
    } catch (error) {
      // Once per hook: a countdown writes its time every second, shown and spoken, in every element.
      if (!threwBefore.has(hook)) console.warn(`formatTime threw for ${seconds} s (${context.kind}); using the built-in wording (said once per hook).`, error);
      threwBefore.add(hook);
    }
  }
  return builtInTime(seconds, context);
}

/**
 * The built-in wordings last written, per translation (a re-registered language starts afresh): every
 * status showing one session writes the same time in the same task, so it is formatted once, not per element.
 */
const written = new WeakMap<object, Map<string, string>>();

function builtInTime(seconds: number, { kind, locale, format }: TimeFormatContext): string {
  const units = unitWords(locale);
  let memo = written.get(units);
  if (!memo) written.set(units, (memo = new Map()));
  const key = `${kind} ${format} ${locale} ${seconds}`;
  let text = memo.get(key);
  if (text === undefined) {
    text = kind === 'countdown' ? formatCountdown(seconds, locale) : kind === 'spoken' ? speakCountdown(seconds, locale) : formatDuration(seconds, format, locale);
    // Only the current few seconds and minutes are asked for again.
    if (memo.size >= 32) memo.clear();
    memo.set(key, text);
  }
  return text;
}

/**
 * Spoken countdown marks: every 15 s while more than 20 s are left (polite), then 20 and 10 s
 * (assertive), as HMRC's and MoJ's timeout warnings do. Returns the mark to announce at `seconds`,
 * given how many seconds were left when the warning opened, or `null` before the first mark.
 */
export function announcementMark(seconds: number, openedAt: number): { at: number; urgent: boolean } | null {
  const marks: number[] = [];
  for (let at = Math.floor((openedAt - 1) / 15) * 15; at > 20; at -= 15) marks.push(at);
  marks.push(20, 10);
  const crossed = marks.filter((at) => at < openedAt && seconds <= at);
  if (crossed.length === 0) return null;
  const at = Math.min(...crossed);
  return { at, urgent: at <= 20 };
}
