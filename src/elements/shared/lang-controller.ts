import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, nearestLang, onTranslationChange, translationFor, type MatchedTranslation, type ParaTranslation } from './translations.js';

type LangHost = ReactiveControllerHost & HTMLElement;

/**
 * One observer per document, and per shadow root between it and an element of the kit (an app's own
 * components): a `lang` change anywhere re-renders only the elements whose language it changed.
 */
type Root = Document | ShadowRoot;
const watchers = new WeakMap<Root, { observer: MutationObserver; controllers: Set<LangController> }>();

function watch(controller: LangController, root: Root): void {
  let watcher = watchers.get(root);
  if (!watcher) {
    const controllers = new Set<LangController>();
    const observer = new MutationObserver(() => {
      for (const each of controllers) each.recheck();
    });
    observer.observe(root instanceof Document ? root.documentElement : root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    watcher = { observer, controllers };
    watchers.set(root, watcher);
  }
  watcher.controllers.add(controller);
}

function unwatch(controller: LangController, root: Root): void {
  const watcher = watchers.get(root);
  if (!watcher) return;
  watcher.controllers.delete(controller);
  if (watcher.controllers.size > 0) return;
  watcher.observer.disconnect();
  watchers.delete(root);
}

/** The shadow roots the host sits in, innermost first, then its document: where a `lang` above it may change. */
function rootsAbove(host: HTMLElement): Root[] {
  const roots: Root[] = [];
  let root = host.getRootNode();
  while (root instanceof ShadowRoot) {
    roots.push(root);
    root = root.host.getRootNode();
  }
  roots.push(host.ownerDocument);
  return roots;
}

/**
 * The language of the host, from the nearest `[lang]`. Re-renders the host when its language changes
 * (a `lang` attribute anywhere above it) or a language's texts are registered (a locale module loaded late),
 * so switching a page's language needs no reload.
 */
export class LangController implements ReactiveController {
  #watched: Root[] = [];
  #stopTranslations: (() => void) | null = null;
  /** Read once per update: a render asks for the language several times, and the tree cannot change meanwhile. */
  #duringUpdate: MatchedTranslation | null = null;
  /** The locale the host last rendered in. */
  #rendered: string | null = null;

  readonly #host: LangHost;

  constructor(host: LangHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * The locale of the texts shown, for `lang`, `dir` and every `Intl` format: the nearest `[lang]` when the kit
   * has texts for it or its language (`de-AT`), else `en`, so an English fallback never passes for another language.
   */
  get locale(): string {
    return this.#match.locale;
  }

  get dir(): 'rtl' | 'ltr' {
    return directionOf(this.locale);
  }

  get translation(): ParaTranslation {
    return this.#match.translation;
  }

  get #match(): MatchedTranslation {
    return this.#duringUpdate ?? translationFor(nearestLang(this.#host));
  }

  hostUpdate(): void {
    this.#duringUpdate = translationFor(nearestLang(this.#host));
    this.#rendered = this.#duringUpdate.locale;
  }

  hostUpdated(): void {
    this.#duringUpdate = null;
  }

  /** A `lang` attribute changed somewhere in the document: re-render only if it changed the locale of this host's texts. */
  recheck(): void {
    if (translationFor(nearestLang(this.#host)).locale !== this.#rendered) this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#stopTranslations = onTranslationChange(() => this.#host.requestUpdate());
    if (typeof MutationObserver !== 'function') return;
    this.#watched = rootsAbove(this.#host);
    for (const root of this.#watched) watch(this, root);
  }

  hostDisconnected(): void {
    this.#stopTranslations?.();
    this.#stopTranslations = null;
    for (const root of this.#watched) unwatch(this, root);
    this.#watched = [];
  }
}
