import { defaultDialogStrings } from '../para-reauth-dialog/dialog-strings.js';
import { defaultStatusStrings } from '../para-session-status/status-strings.js';
import { layer, provideTranslation, translationRegistry, type PartialTranslation } from './translation-registry.js';
import type { ParaTranslation } from './translation-shape.js';

export type { ParaTranslation } from './translation-shape.js';
export type { PartialTranslation } from './translation-registry.js';

const english: ParaTranslation = {
  dialog: defaultDialogStrings,
  status: defaultStatusStrings,
  units: {
    day: { one: 'day', other: 'days' },
    hour: { one: 'hour', other: 'hours' },
    minute: { one: 'minute', other: 'minutes' },
    second: { one: 'second', other: 'seconds' },
  },
};

/** The texts for a language tag, and the tag they are written in. */
export interface MatchedTranslation {
  translation: ParaTranslation;
  /** The asked tag when its texts or its language's are registered (`de-CH` keeps its region for `Intl`), else `en`. */
  locale: string;
}

const registry = translationRegistry();
/** Each registered language completed with English, built once per registration, not per render. */
const complete = new Map<string, ParaTranslation>();
/** Each asked tag's match, once per registration: every render of every element asks. */
const matches = new Map<string, MatchedTranslation>();
registry.listeners.add(() => {
  complete.clear();
  matches.clear();
});

/**
 * Adds or replaces texts of a language (`'fr'`, `'pt-BR'`); missing texts fall back to English, and every
 * element re-renders. German and Arabic are modules of their own: `import 'para-session-kit/locales/de'`.
 */
export function registerTranslation(lang: string, translation: PartialTranslation): void {
  provideTranslation(lang, translation, true);
}

/** Calls `listener` whenever a language is added or changed; returns the unsubscribe. */
export function onTranslationChange(listener: () => void): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

function registered(tag: string): ParaTranslation | undefined {
  const known = complete.get(tag);
  if (known) return known;
  const partial = registry.languages.get(tag);
  if (!partial) return undefined;
  const whole = layer(english, partial) as ParaTranslation;
  complete.set(tag, whole);
  return whole;
}

/**
 * The best translation for a BCP 47 tag (the exact tag, then its language, then English) and the tag to write
 * it in: English standing in for a language without texts is written, laid out and formatted as English.
 */
export function translationFor(locale: string): MatchedTranslation {
  const known = matches.get(locale);
  if (known) return known;
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0]!;
  const translation = registered(tag) ?? registered(language);
  const match = translation ? { translation, locale } : { translation: english, locale: language === 'en' ? locale : 'en' };
  matches.set(locale, match);
  return match;
}

export const unitWords = (locale: string): ParaTranslation['units'] => translationFor(locale).translation.units;

const warnedLangs = new Set<string>();
/** `lang` value → canonical tag: a page has a handful of them, and every element render asks. */
const canonicalLangs = new Map<string, string>();

/**
 * The language an element speaks: the `lang` of its nearest ancestor that has one (crossing shadow
 * roots), else the document's, else English. An invalid tag warns once and falls back to English.
 */
export function nearestLang(element: Element): string {
  let node: Node | null = element;
  // Duck-typed, not `instanceof Element`: server rendering (@lit-labs/ssr) has no DOM classes.
  while (node) {
    const candidate = node as Partial<Element>;
    if (typeof candidate.hasAttribute === 'function' && candidate.hasAttribute('lang')) return validLang(candidate.getAttribute!('lang')!, element);
    node = node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
  }
  return 'en';
}

function validLang(lang: string, element: Element): string {
  if (lang.trim() === '') return 'en';
  const known = canonicalLangs.get(lang);
  if (known !== undefined) return known;
  try {
    const canonical = Intl.getCanonicalLocales(lang)[0] ?? 'en';
    canonicalLangs.set(lang, canonical);
    return canonical;
  } catch {
    if (!warnedLangs.has(lang)) {
      warnedLangs.add(lang);
      console.warn(`<${element.localName}>: lang="${lang}" is not a valid language tag; using English.`);
    }
    return 'en';
  }
}

/** Right-to-left scripts: the dialog and status set `dir` from the language, so they lay out correctly even without a page `dir`. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  const language = locale.split('-')[0]!.toLowerCase();
  return ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'].includes(language) ? 'rtl' : 'ltr';
}
