/** The focused element, looking inside shadow roots: where focus must return when a dialog closes. */
export function deepActiveElement(root: DocumentOrShadowRoot = document): HTMLElement | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether focus can land on `element`: still in the page, rendered, not inert. */
export function canTakeFocus(element: HTMLElement | null): element is HTMLElement {
  // Inert also from outside a shadow root: an app's field component inside an inert wrapper.
  if (!element?.isConnected || closestAcrossShadows(element, '[inert]')) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;
}

/**
 * Gives focus back to what had it. When that is gone or hidden (it sat in content a guard hid), a
 * moment later it may be back; otherwise focus goes to `fallback`, never silently to `<body>`.
 */
export function restoreFocus(given: HTMLElement | null, fallback: (saved: HTMLElement | null) => HTMLElement | null | undefined): void {
  // Nothing had focus (the page's body had it): the fallback is where focus belongs, not back to nothing.
  const saved = given === document.body ? null : given;
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
 * of what the guard shows instead ("Sign in"), else that text itself, made focusable so it is read. The control
 * that had focus may sit inside an app's own component (a shadow root) inside the guard.
 */
export function guardFallbackFocus(saved: HTMLElement | null): HTMLElement | null {
  const guard = closestAcrossShadows(saved, 'para-session-guard');
  const fallbacks = guard ? [...guard.querySelectorAll<HTMLElement>(':scope > [slot="fallback"]')].filter(canTakeFocus) : [];
  for (const fallback of fallbacks) {
    const control = fallback.matches(FOCUSABLE) ? fallback : [...fallback.querySelectorAll<HTMLElement>(FOCUSABLE)].find(canTakeFocus);
    if (control) return control;
  }
  const [first] = fallbacks;
  if (!first) return null;
  if (!first.hasAttribute('tabindex')) first.tabIndex = -1;
  return first;
}

/** `element`, then the host of each shadow root it sits in, outwards. */
function* outAcrossShadows(element: Element | null): Generator<Element> {
  for (let node = element; node; ) {
    yield node;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
}

/** Whether `element` is inside `container`, also from within shadow roots below it (an app's field component). */
export function containsAcrossShadows(container: Node, element: Element): boolean {
  for (const node of outAcrossShadows(element)) if (container.contains(node)) return true;
  return false;
}

function closestAcrossShadows(element: Element | null, selector: string): Element | null {
  for (const node of outAcrossShadows(element)) {
    const found = node.closest(selector);
    if (found) return found;
  }
  return null;
}

/**
 * The controls Tab reaches inside `root`, in the order it reaches them (tree order; no positive `tabindex` in
 * the kit): through open shadow roots and into what slots show.
 */
export function tabStops(root: Element): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const visit = (element: Element) => {
    if (isTabStop(element)) stops.push(element);
    const assigned = element instanceof HTMLSlotElement ? element.assignedElements({ flatten: true }) : [];
    // A slot shows what is assigned to it, else its own fallback content.
    const children = assigned.length ? assigned : [...(element.shadowRoot ?? element).children];
    for (const child of children) visit(child);
  };
  for (const child of root.children) visit(child);
  return stops;
}

/** Where Tab stops: not a control disabled by its `<fieldset>`, nor one hidden by `visibility`. */
function isTabStop(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || element.tabIndex < 0 || !element.matches(FOCUSABLE) || element.matches(':disabled')) return false;
  return canTakeFocus(element) && getComputedStyle(element).visibility === 'visible';
}

/** In a frame a modal makes only the frame inert: Tab past its last control would reach the page around it. */
export function inFrame(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}
