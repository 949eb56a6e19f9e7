/**
 * Shows a `popover="manual"` element in the top layer: above every stacking context of the page and out of
 * any containing block an app wrapper makes (`transform`, `filter`, `will-change`, `contain`), as a modal
 * dialog is. Where popovers are missing, the element stays where its own styles put it.
 *
 * Not while another modal is open (an app's `<dialog>`): that modal makes the element inert, and drawn above
 * its backdrop it would invite a click that lands on the backdrop. It goes up once that modal closes.
 */
export function showOnTop(element: HTMLElement | null | undefined): void {
  if (!element?.isConnected || typeof element.showPopover !== 'function') return;
  if (element.matches(':popover-open')) return;
  // A modal of the element's own (the dialog it replaces, closing now) is no other modal.
  const modal = openModal(document, element.getRootNode());
  if (modal) {
    // Modal no more once it is closed (its `open` attribute goes at once, before the `close` event, which may wait
    // for a frame) or taken out of the page (a framework unmounting it keeps the attribute).
    if (!waiting.has(modal)) {
      const watch = new MutationObserver(() => {
        if (modal.isConnected && modal.matches(':modal')) return;
        watch.disconnect();
        const waited = waiting.get(modal);
        waiting.delete(modal);
        showOnTop(waited);
      });
      watch.observe(modal, { attributes: true, attributeFilter: ['open'] });
      for (const root of new Set([modal.getRootNode(), document])) watch.observe(root, { childList: true, subtree: true });
    }
    waiting.set(modal, element);
    return;
  }
  element.showPopover();
}

/** Each modal waited on, and the element to show when it closes (one listener per modal, the latest element). */
const waiting = new WeakMap<Element, HTMLElement>();

/** An open modal dialog anywhere in `root`, open shadow roots included, but not in `own`. */
function openModal(root: Document | ShadowRoot, own: Node): Element | null {
  const found = root === own ? null : root.querySelector('dialog:modal');
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot && openModal(element.shadowRoot, own);
    if (inner) return inner;
  }
  return null;
}
