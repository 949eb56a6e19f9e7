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
/** Each asked tag's match, once per registration: every render of every element asks. */
const matches = new Map<string, MatchedTranslation>();
registry.listeners.add(() => matches.clear());

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

const REGION = /^([a-z]{2}|\d{3})$/;

/** The same locale with its likely script left out or written out (`zh-TW` and `zh-Hant-TW`); '' when none. */
function otherSpelling(own: string[]): string {
  const [language, second = '', third = ''] = own;
  const script = second.length === 4 ? second : '';
  const region = script ? third : second;
  if (own.length !== (script ? 3 : 2) || !REGION.test(region)) return '';
  const likely = scriptOf(`${language}-${region}`);
  if (!likely || (script && script !== likely)) return '';
  return script ? `${language}-${region}` : `${language}-${likely}-${region}`;
}

/**
 * The tags a tag's texts come from, the most general first: its language, the script the language is written in
 * (`zh-TW` is written in `zh-Hant`), then each subtag more up to extensions and private use (the locale's other
 * spelling, `zh-TW` for `zh-Hant-TW`, just before it), then the whole tag.
 */
function lineage(locale: string): string[] {
  const tag = locale.toLowerCase();
  const subtags = tag.split('-');
  const singleton = subtags.findIndex((subtag, i) => i > 0 && subtag.length === 1);
  const own = singleton === -1 ? subtags : subtags.slice(0, singleton);
  const tags = own.map((_, i) => own.slice(0, i + 1).join('-'));
  const script = scriptOf(locale);
  if (script && !own.includes(script)) tags.splice(1, 0, `${own[0]}-${script}`);
  const other = otherSpelling(own);
  if (other && !tags.includes(other)) tags.splice(tags.indexOf(own.join('-')), 0, other);
  if (!tags.includes(tag)) tags.push(tag);
  return tags;
}

/**
 * The best translation for a BCP 47 tag and the tag to write it in. Texts come from every registered tag of its
 * lineage, the closer on top (`de-CH` rewords what it names and keeps the German of the rest), over English (an
 * app's own English wording first). A language without texts is written, laid out and formatted as English.
 */
export function translationFor(locale: string): MatchedTranslation {
  const known = matches.get(locale);
  if (known) return known;
  const { languages } = registry;
  const base = layer(english, languages.get('en') ?? {}) as ParaTranslation;
  const tags = lineage(locale).filter((tag) => languages.has(tag));
  const match = tags.some((tag) => tag !== 'en')
    ? { translation: tags.reduce<ParaTranslation>((texts, tag) => layer(texts, languages.get(tag)!) as ParaTranslation, base), locale }
    : { translation: base, locale: locale.toLowerCase().split('-')[0] === 'en' ? locale : 'en' };
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
    // Read as the registry keys languages: `es_MX` (a server's locale name, Java's or gettext's) is `es-MX`.
    const canonical = Intl.getCanonicalLocales(lang.trim().replace(/_/g, '-'))[0] ?? 'en';
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

/** Scripts written right to left. */
const RTL_SCRIPT = /^(arab|hebr|thaa|syrc|nkoo|adlm|rohg|mand|samr)$/;
const scripts = new Map<string, string>();

/** The script a language is written in (`ug` and `pa-Arab`: Arabic; `ar-Latn`: Latin); '' for a tag Intl does not know. */
function scriptOf(locale: string): string {
  let script = scripts.get(locale);
  if (script === undefined) {
    try {
      script = new Intl.Locale(locale).maximize().script?.toLowerCase() ?? '';
    } catch {
      script = '';
    }
    scripts.set(locale, script);
  }
  return script;
}

/** The direction of a language's script: the dialog and status set `dir` from it, so they lay out correctly even without a page `dir`. */
export const directionOf = (locale: string): 'rtl' | 'ltr' => (RTL_SCRIPT.test(scriptOf(locale)) ? 'rtl' : 'ltr');
