/**
 * Shows a `popover="manual"` element in the top layer: above every stacking context of the page and out of
 * any containing block an app wrapper makes (`transform`, `filter`, `will-change`, `contain`), as a modal
 * dialog is. Where popovers are missing, the element stays where its own styles put it.
 */
export function showOnTop(element: HTMLElement | null | undefined): void {
  if (!element?.isConnected || typeof element.showPopover !== 'function') return;
  if (element.matches(':popover-open')) return;
  element.showPopover();
}
