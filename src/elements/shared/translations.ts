import { defaultDialogStrings } from '../para-reauth-dialog/dialog-strings.js';
import { defaultStatusStrings } from '../para-session-status/status-strings.js';
import { arabic } from './locales/ar.js';
import { german } from './locales/de.js';
import type { ParaTranslation } from './translation-shape.js';

export type { ParaTranslation } from './translation-shape.js';

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

const translations = new Map<string, ParaTranslation>([
  ['en', english],
  ['de', german],
  ['ar', arabic],
]);

/** Adds or replaces a language (`'fr'`, `'pt-BR'`); missing texts fall back to English. */
export function registerTranslation(lang: string, translation: Partial<ParaTranslation>): void {
  const base = translations.get(lang.toLowerCase()) ?? english;
  translations.set(lang.toLowerCase(), {
    dialog: { ...base.dialog, ...translation.dialog },
    status: { ...base.status, ...translation.status, status: { ...base.status.status, ...translation.status?.status } },
    units: { ...base.units, ...translation.units },
  });
}

/** The best translation for a BCP 47 tag: the exact tag, then its language, then English. */
export function translationFor(locale: string): ParaTranslation {
  const tag = locale.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0]!) ?? english;
}

export const unitWords = (locale: string): ParaTranslation['units'] => translationFor(locale).units;

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
