import { ownTexts } from './own-texts.js';
import type { ParaTranslation } from './translation-shape.js';

/** A language's texts as registered: whole (a locale module) or in part (an app's `registerTranslation`). */
export interface PartialTranslation {
  dialog?: Partial<ParaTranslation['dialog']>;
  status?: Partial<Omit<ParaTranslation['status'], 'status'>> & { status?: Partial<ParaTranslation['status']['status']> };
  units?: Partial<ParaTranslation['units']>;
}

interface Registry {
  readonly languages: Map<string, PartialTranslation>;
  readonly listeners: Set<() => void>;
}

// One registry per page, shared by every copy of the kit on it: the package entry, the self-contained bundle
// and a locale module loaded beside either of them find the same one.
const KEY = Symbol.for('para-session-kit.translations');

export function translationRegistry(): Registry {
  const scope = globalThis as { [KEY]?: Registry };
  return (scope[KEY] ??= { languages: new Map(), listeners: new Set() });
}

/** The units given as word forms (an object per unit); an unset one keeps the forms under it. */
const wordForms = (units: PartialTranslation['units']): PartialTranslation['units'] =>
  Object.fromEntries(Object.entries(units ?? {}).filter(([, forms]) => typeof forms === 'object' && forms !== null));

/** `over`'s texts on top of `under`'s, one group at a time; a value that is not a text keeps the one under it. */
export function layer(under: PartialTranslation, over: PartialTranslation): PartialTranslation {
  const texts = <T extends object>(group: T | undefined, name: string, nested: readonly string[] = []) => ownTexts(group, `registerTranslation: ${name}`, nested);
  return {
    dialog: { ...texts(under.dialog, 'dialog'), ...texts(over.dialog, 'dialog') },
    status: {
      ...texts(under.status, 'status', ['status']),
      ...texts(over.status, 'status', ['status']),
      status: { ...texts(under.status?.status, 'status.status'), ...texts(over.status?.status, 'status.status') },
    },
    units: { ...wordForms(under.units), ...wordForms(over.units) },
  };
}

/**
 * Adds texts for a language and re-renders every element. A locale module gives defaults (`app: false`): what
 * an app registered for that language stays on top, whichever came first.
 */
export function provideTranslation(lang: string, translation: PartialTranslation, app: boolean): void {
  const { languages, listeners } = translationRegistry();
  // Keyed as pages' `lang` values are read: canonical (`es_MX` is `es-MX`, `iw` is `he`), in lower case.
  let key: string;
  try {
    key = Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0]!.toLowerCase();
  } catch {
    console.warn(`registerTranslation: "${lang}" is not a language tag; its texts are not used.`);
    return;
  }
  const known = languages.get(key) ?? {};
  languages.set(key, app ? layer(known, translation) : layer(translation, known));
  for (const listener of listeners) listener();
}
