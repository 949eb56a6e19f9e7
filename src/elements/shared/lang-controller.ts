import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, nearestLang, onTranslationChange, translationFor, type ParaTranslation } from './translations.js';

/**
 * The language of the host, from the nearest `[lang]`. Re-renders the host when any `lang`
 * attribute in the document changes, or a language's texts are registered (a locale module loaded late),
 * so switching a page's language needs no reload.
 */
export class LangController implements ReactiveController {
  private observer: MutationObserver | null = null;
  private stopTranslations: (() => void) | null = null;
  /** Read once per update: a render asks for the language several times, and the tree cannot change meanwhile. */
  private duringUpdate: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get locale(): string {
    return this.duringUpdate ?? nearestLang(this.host);
  }

  get dir(): 'rtl' | 'ltr' {
    return directionOf(this.locale);
  }

  get translation(): ParaTranslation {
    return translationFor(this.locale);
  }

  hostUpdate(): void {
    this.duringUpdate = nearestLang(this.host);
  }

  hostUpdated(): void {
    this.duringUpdate = null;
  }

  hostConnected(): void {
    this.stopTranslations = onTranslationChange(() => this.host.requestUpdate());
    if (typeof MutationObserver !== 'function') return;
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.stopTranslations?.();
    this.stopTranslations = null;
    this.observer?.disconnect();
    this.observer = null;
  }
}
