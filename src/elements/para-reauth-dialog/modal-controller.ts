import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canTakeFocus, containsAcrossShadows, deepActiveElement, inFrame, restoreFocus, tabStops } from '../shared/focus.js';

export interface ModalControllerOptions {
  /** The native `<dialog>` in the host's shadow root, once rendered. */
  dialog(): HTMLDialogElement | null | undefined;
  /** Whether the host wants the dialog open now. */
  wanted(): boolean;
  /** Changes of this value while open move focus again (a sign-in step, an error). */
  phase(): unknown;
  /** Moves focus into the dialog: on opening, or when the mode or `phase()` changed while open. */
  focus(reason: 'opened' | 'changed'): void;
  /** Where focus goes when what had it before opening is gone. */
  fallbackFocus(saved: HTMLElement | null): HTMLElement | null;
  /** Escape, or a close the page could not cancel: the host decides what dismissing means. */
  onDismiss(): void;
  /** The dialog was wanted but is not rendered where the host sits (an unslotted or hidden ancestor): it stays closed. */
  onUnrendered(): void;
}

/**
 * Drives a native `<dialog>` from the host's state: `showModal()` and `close()`, focus into the dialog
 * and back to what had it, and Escape or any close we did not make turned into one dismiss request.
 */
export class ModalController implements ReactiveController {
  #returnFocus: HTMLElement | null = null;
  /** Whether we showed the native dialog and have not closed it: telling our close from anyone else's. */
  #shown = false;
  #focusedPhase: unknown = null;
  /** A mode change not yet acted on (the update that made it was followed by another before focus moved). */
  #modeChanged = false;
  /** Wanted, but found without a box: not tried again before the next mode change. */
  #unrendered = false;
  #toldUnrendered = false;
  /** While open: notices the dialog losing its box (an ancestor hidden or unslotted after it opened). */
  #boxWatch: ResizeObserver | null = null;
  /** The control inside the dialog that last had focus. */
  #lastFocused: HTMLElement | null = null;
  /**
   * Closed because the host left the page: shown again (a move), focus goes back to `#reopenFocus`, what had it
   * at the close (`showModal()` moves focus itself before we can read `#lastFocused` again).
   */
  #closedOut = false;
  #reopenFocus: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ModalControllerOptions,
  ) {
    host.addController(this);
  }

  /**
   * Out of the page the dialog leaves the top layer: close it, as our own close, not the user's. Put back (a
   * move), the host's next update shows it again as a modal while it is still wanted.
   */
  hostDisconnected(): void {
    this.#boxWatch?.disconnect();
    const dialog = this.options.dialog();
    this.#shown = false;
    if (!dialog?.open) return;
    dialog.close();
    // Shown again after a move, focus goes back to the control the user was on (not the heading), so what they
    // typed next lands where they typed it; closed for good, it goes back to what had it before, not to <body>.
    this.#reopenFocus = this.#lastFocused;
    this.#closedOut = true;
    queueMicrotask(() => {
      if (!this.host.isConnected) this.#giveFocusBack();
    });
  }

  /** For the dialog's `focusin`: the control inside it the user is on, found again after a move. */
  readonly onFocusin = (): void => {
    this.#lastFocused = deepActiveElement();
  };

  /** Closed by leaving the page or its session: focus that was lost with it goes back to what had it. */
  #giveFocusBack(): void {
    if (!this.#closedOut) return;
    this.#closedOut = false;
    this.#reopenFocus = null;
    const active = deepActiveElement();
    if (!active || active === document.body) restoreFocus(this.#returnFocus, this.options.fallbackFocus);
    this.#returnFocus = null;
  }

  /**
   * Call before the host's state opens the dialog: focus returns here when it closes. Focus already inside
   * the dialog (one mode giving way to another) is not where the user was: what had it before is kept.
   */
  rememberFocus(): void {
    const active = deepActiveElement();
    if (active && this.options.dialog()?.contains(active)) return;
    this.#returnFocus = active;
  }

  /** Call from the host's `updated()`: opening, closing and focus run just after the update. */
  afterUpdate(modeChanged: boolean): void {
    this.#modeChanged ||= modeChanged;
    // A focus move is activity the engine hears, and its state change must not land inside this
    // update (Lit's change-in-update warning).
    queueMicrotask(() => this.#apply());
  }

  /** For the dialog's `cancel` event: Escape becomes a request the host may turn down. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.options.onDismiss();
  };

  /**
   * For the dialog's `keydown`: in a frame, Tab from its last control (Shift+Tab from its first) goes round to
   * the other end instead of to the page around the frame, which the modal cannot make inert. At the top of a
   * tab, Tab goes on to the browser's own controls, as a native modal does.
   */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !inFrame()) return;
    const dialog = this.options.dialog();
    if (!dialog?.open) return;
    const stops = tabStops(dialog);
    const at = stops.indexOf(deepActiveElement() as HTMLElement);
    // Shift+Tab from the first control or from the heading (focused on opening, not a tab stop) goes to the last.
    const wraps = event.shiftKey ? at <= 0 : at === stops.length - 1;
    if (!wraps || stops.length === 0) return;
    event.preventDefault();
    // From that end inwards, the first control that really takes focus.
    for (const target of event.shiftKey ? [...stops].reverse() : stops) {
      target.focus();
      if (deepActiveElement() === target) return;
    }
  };

  /** For the dialog's `close` event: closed by something other than us is the same as Escape. */
  readonly onClose = (): void => {
    const dialog = this.options.dialog();
    if (!this.#shown || dialog?.open) return;
    this.#shown = false;
    // Outside the update that noticed it; the next render shows the dialog again while it is still wanted.
    queueMicrotask(() => {
      if (this.options.wanted()) this.options.onDismiss();
      this.host.requestUpdate();
    });
  };

  #apply(): void {
    const dialog = this.options.dialog();
    if (!dialog || !this.host.isConnected) return;
    // Another update is on its way (a phase that changed again at once): act once it rendered, on what it shows.
    if ((this.host as { isUpdatePending?: boolean }).isUpdatePending) return;
    const modeChanged = this.#modeChanged;
    this.#modeChanged = false;
    const wanted = this.options.wanted();
    const phase = this.options.phase();
    if (!wanted) this.#unrendered = this.#toldUnrendered = false;
    if (wanted && !dialog.open && (!this.#unrendered || modeChanged)) {
      // Shown before and closed since, not by us: a close request the page could not cancel.
      if (this.#shown) this.onClose();
      dialog.showModal();
      const rendered = isRendered(dialog);
      const skipped = !rendered && skippedUntilShown(dialog);
      if (rendered || skipped) {
        this.#shown = true;
        this.#unrendered = false;
        this.#watchBox(dialog);
        const back = this.#closedOut ? this.#reopenFocus : null;
        this.#closedOut = false;
        this.#reopenFocus = null;
        if (back && (containsAcrossShadows(dialog, back) || containsAcrossShadows(this.host, back)) && canTakeFocus(back)) back.focus();
        else this.options.focus('opened');
        // A skipped section gets its box at the next rendering update: look after it, not now.
        if (skipped) afterNextFrame(() => this.#shown && dialog.open && !isRendered(dialog) && this.#closeUnrendered(dialog));
      } else {
        this.#closeUnrendered(dialog);
      }
    } else if (wanted && dialog.open && this.#shown && !isRendered(dialog) && !skippedUntilShown(dialog)) {
      // Lost its box since it opened, found at this update (the box watch tells at the next frame otherwise).
      this.#closeUnrendered(dialog);
    } else if (wanted && dialog.open && (modeChanged || phase !== this.#focusedPhase)) {
      this.options.focus('changed');
    } else if (!wanted && dialog.open) {
      this.#shown = false;
      dialog.close();
      restoreFocus(this.#returnFocus, this.options.fallbackFocus);
      this.#returnFocus = null;
    } else if (!wanted) {
      // Closed when it left its session (teleported out of it): focus goes back as on any close.
      this.#giveFocusBack();
    }
    this.#focusedPhase = phase;
  }

  /**
   * A modal with no box makes the whole page inert behind nothing the user can see or reach: close it (focus
   * it took goes back as on any close), and say so once while it stays wanted.
   */
  #closeUnrendered(dialog: HTMLDialogElement): void {
    const active = deepActiveElement();
    this.#shown = false;
    this.#unrendered = true;
    dialog.close();
    if (!active || active === document.body || dialog.contains(active)) restoreFocus(this.#returnFocus, this.options.fallbackFocus);
    if (!this.#toldUnrendered) this.options.onUnrendered();
    this.#toldUnrendered = true;
  }

  #watchBox(dialog: HTMLDialogElement): void {
    // Closed in the next frame, not in the observer's callback: a layout change there is a "ResizeObserver loop" error.
    this.#boxWatch ??= new ResizeObserver(() =>
      requestAnimationFrame(() => {
        const current = this.options.dialog();
        if (current?.open && this.#shown && !isRendered(current)) this.#closeUnrendered(current);
      }),
    );
    this.#boxWatch.observe(dialog);
  }
}

/** Whether the element has a box: not inside a `display: none` ancestor, nor in an unassigned slot's light DOM. */
function isRendered(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/**
 * Whether an ancestor (in the flat tree) is `content-visibility: auto`: off screen, its content has no box
 * yet, and a modal inside it gets one at the next rendering update (the top layer makes it relevant).
 */
function skippedUntilShown(element: Element): boolean {
  for (let node: Element | null = flatParent(element); node; node = flatParent(node)) {
    if (getComputedStyle(node).contentVisibility === 'auto') return true;
  }
  return false;
}

function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** After the next frame is laid out (a page that renders no frames, hidden, never gets there: nothing is shown). */
function afterNextFrame(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(run));
}
