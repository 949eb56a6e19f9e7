/** The focused element, looking inside shadow roots: where focus must return when a dialog closes. */
export function deepActiveElement(root: DocumentOrShadowRoot = document): HTMLElement | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether focus can land on `element`: still in the page, rendered, not inert. */
export function canTakeFocus(element: HTMLElement | null): element is HTMLElement {
  if (!element?.isConnected || element.closest('[inert]')) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;
}

/**
 * Gives focus back to what had it. When that is gone or hidden (it sat in content a guard hid), a
 * moment later it may be back; otherwise focus goes to `fallback`, never silently to `<body>`.
 */
export function restoreFocus(saved: HTMLElement | null, fallback: (saved: HTMLElement | null) => HTMLElement | null | undefined): void {
  if (canTakeFocus(saved)) {
    saved.focus();
    return;
  }
  // Other elements (a guard showing its content again) render in the same turn; look after them.
  setTimeout(() => {
    if (canTakeFocus(saved)) (saved as HTMLElement).focus();
    else fallback(saved)?.focus();
  }, 0);
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where focus goes when what had it sat in content a guard now hides (the user signed out): the first control
 * of what the guard shows instead ("Sign in"), else that text itself, made focusable so it is read.
 */
export function guardFallbackFocus(saved: HTMLElement | null): HTMLElement | null {
  const fallback = saved?.closest('para-session-guard')?.querySelector<HTMLElement>(':scope > [slot="fallback"]');
  if (!fallback || !canTakeFocus(fallback)) return null;
  const control = [...fallback.querySelectorAll<HTMLElement>(FOCUSABLE)].find(canTakeFocus);
  if (control) return control;
  if (!fallback.hasAttribute('tabindex')) fallback.tabIndex = -1;
  return fallback;
}
