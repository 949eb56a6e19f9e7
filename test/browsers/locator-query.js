// Runs in the page (serialised by test/browsers/locator.mjs): finds elements the way a user does, by ARIA
// role and accessible name, by label, by text or by CSS, looking through open shadow roots as Playwright's
// locators do. Only the parts of the accessible-name rules that the suites' pages rely on are here.
export function queryChain(chain) {
  const norm = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text, want) => {
    const value = norm(text);
    if (want && typeof want === 'object') return new RegExp(want.source, want.flags).test(value);
    return value.toLowerCase().includes(norm(want).toLowerCase());
  };
  const exact = (text, want) => typeof want === 'string' && norm(text).toLowerCase() === norm(want).toLowerCase();

  /** Every element under `root`, descending into open shadow roots. */
  function* deep(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      yield node;
      if (node.shadowRoot) yield* deep(node.shadowRoot);
    }
  }
  /** Flattened text: slots contribute what is assigned to them, or their fallback. */
  function text(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    if (node.getAttribute('aria-hidden') === 'true') return '';
    if (node.localName === 'slot') {
      const assigned = node.assignedNodes({ flatten: true });
      if (assigned.length) return assigned.map(text).join('');
    }
    const kids = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...kids].map(text).join('');
  }
  function byIds(el, ids) {
    const root = el.getRootNode();
    return ids.split(/\s+/).map((id) => root.getElementById?.(id) ?? document.getElementById(id)).filter(Boolean);
  }
  function labelOf(el) {
    if (el.hasAttribute('aria-labelledby')) return byIds(el, el.getAttribute('aria-labelledby')).map(text).join(' ');
    if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.labels?.length) return [...el.labels].map(text).join(' ');
    return null;
  }
  function role(el) {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'input') {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      return 'textbox';
    }
    if (tag === 'textarea') return 'textbox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    // A form is a landmark only when it is named.
    if (tag === 'form') return labelOf(el) ? 'form' : null;
    return null;
  }
  function accessibleName(el) {
    const label = labelOf(el);
    if (label !== null) return label;
    if (el.localName === 'input' && ['button', 'submit', 'reset'].includes(el.type)) return el.value;
    return ['button', 'heading', 'link', 'checkbox', 'radio'].includes(role(el)) ? text(el) : el.getAttribute('title') ?? '';
  }
  function hidden(el) {
    for (let node = el; node; node = node.parentNode ?? node.host) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (node.getAttribute('aria-hidden') === 'true' || node.hidden) return true;
    }
    const style = getComputedStyle(el);
    return style.visibility === 'hidden' || el.getClientRects().length === 0;
  }
  const level = (el) => Number(el.getAttribute('aria-level') ?? /^h([1-6])$/.exec(el.localName)?.[1]);

  let found = [document];
  for (const step of chain) {
    if (step.kind === 'has-text') {
      found = found.filter((el) => el !== document && matches(text(el), step.text));
      continue;
    }
    const pool = new Set();
    for (const scope of found) {
      for (const el of deep(scope)) pool.add(el);
      if (scope.shadowRoot) for (const el of deep(scope.shadowRoot)) pool.add(el);
    }
    let next = [...pool];
    if (step.kind === 'role') {
      next = next.filter((el) => role(el) === step.role && !hidden(el) && (step.level === undefined || level(el) === step.level));
      if (step.name !== undefined) {
        const named = next.filter((el) => matches(accessibleName(el), step.name));
        const exactOnes = named.filter((el) => exact(accessibleName(el), step.name));
        next = exactOnes.length ? exactOnes : named;
      }
    } else if (step.kind === 'label') {
      const labelable = (el) => ['input', 'textarea', 'select'].includes(el.localName) || el.getAttribute('role') === 'textbox';
      next = next.filter((el) => labelable(el) && ((labelOf(el) !== null && matches(labelOf(el), step.text)) || (el.placeholder && matches(el.placeholder, step.text))));
    } else if (step.kind === 'text') {
      next = next.filter((el) => matches(text(el), step.text) && ![...el.children].some((child) => matches(text(child), step.text)));
    } else if (step.kind === 'css') {
      next = next.filter((el) => el.matches(step.selector));
    }
    found = next;
  }
  return found.filter((el) => el !== document).map((el) => ({ el, visible: !hidden(el) }));
}
