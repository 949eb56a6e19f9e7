// Drives demo/live/ (real elements + real ParaWeb) the way a user does, and reads what the user sees.

/** A fresh browser context (own storage, so its own Para session) on the live page with `options` as URL params. */
export async function openLivePage(browser, demoUrl, options = {}, { log = () => {}, loadTimeout = 30_000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`[pageerror] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`[page error] ${m.text().slice(0, 240)}`);
  });
  // Every status the page went through, with its time, to prove what never happened (e.g. `expired`).
  await page.addInitScript(() => {
    window.__statuses = [];
    window.__expiries = []; // every change of the engine's expiresAt, to explain a late or missed expiry
    addEventListener('para-session-change', (event) => {
      const { state, previous } = event.detail;
      if (state.status !== previous.status) window.__statuses.push({ status: state.status, at: Date.now() });
      if (state.expiresAt !== previous.expiresAt) window.__expiries.push({ at: Date.now(), status: state.status, expiresAt: state.expiresAt });
    });
  });
  const url = new URL(demoUrl);
  for (const [name, value] of Object.entries(options)) url.searchParams.set(name, String(value));
  await page.goto(url.href, { timeout: loadTimeout });
  return { context, page };
}

export const status = (page) => page.evaluate(() => document.querySelector('para-session').state.status);
export const statusHistory = (page) => page.evaluate(() => window.__statuses.map((s) => s.status));

/** The engine's expiresAt changes after `after`, as readable lines. */
export const expiryTimeline = (page, after = 0) =>
  page.evaluate((after) => window.__expiries.filter((e) => e.at > after).map((e) => `${new Date(e.at).toISOString().slice(11)} ${e.status} expiresAt ${e.expiresAt === null ? 'null' : new Date(e.expiresAt).toISOString().slice(11)}`), after);

/** Epoch ms at which the page's engine first entered `wanted` after `after` (stamped in the page, not polled). */
export const statusEnteredAt = (page, wanted, after = 0) =>
  page.evaluate(({ wanted, after }) => window.__statuses.find((s) => s.status === wanted && s.at > after)?.at ?? null, { wanted, after });

/** The status element's visible text (its shadow DOM), whitespace collapsed. */
export const statusText = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('para-session-status').shadowRoot;
    // What is on screen: the label and the time, not the visually hidden live region or spoken time.
    return [...root.querySelectorAll('[part="label"], [part="time"]')].map((el) => el.textContent).join(' ').replace(/\s+/g, ' ').trim();
  });

export async function waitForStatus(page, wanted, timeout = 20_000) {
  const list = [wanted].flat();
  await page.waitForFunction((l) => l.includes(document.querySelector('para-session').state.status), list, { timeout });
  return status(page);
}

/** The re-auth dialog as a user finds it: by role and accessible name (its heading). */
export const expiredDialog = (page) => page.getByRole('dialog', { name: /^(Your session has ended|Welcome back, .+)$/ });
export const warningDialog = (page) => page.getByRole('dialog', { name: 'Are you still there?' });
export const anyDialogOpen = (page) => page.evaluate(() => document.querySelector('para-reauth-dialog').open);

/** The id of the focused element, looking through shadow roots. */
export const focusedId = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.id || el.textContent.trim() : null;
  });

/** Approve the sign-in on the emulator's portal page that the app opened in a popup. */
export async function approveInPortal(popup, email) {
  // The popup opens blank and reaches the portal once the SDK has generated an RSA key in the page:
  // ~3 s in Chromium, 5-12 s in Firefox, and more than 20 s for either on a loaded 2-core machine.
  await popup.waitForURL(/\/web\/(biometrics|passwords)\/login/, { timeout: 45_000 });
  await popup.getByRole('heading', { name: `Approve sign-in for ${email}` }).waitFor();
  await popup.getByRole('button', { name: 'Approve' }).click();
}

/**
 * How many sign-ins may run at once per engine (run.mjs sets it, e.g. `{ chromium: 2, firefox: 1 }`):
 * each makes the SDK generate an RSA key in the page, which is slow in Firefox on a busy machine.
 */
const slotsByEngine = new Map();
export function limitSignIns(limits) {
  slotsByEngine.clear();
  for (const [engine, count] of Object.entries(limits)) slotsByEngine.set(engine, { free: count, queue: [] });
}
async function inSignInSlot(engine, work) {
  const own = slotsByEngine.get(engine) ?? { free: Infinity, queue: [] };
  if (own.free <= 0) await new Promise((resolve) => own.queue.push(resolve));
  else own.free -= 1;
  try {
    return await work();
  } finally {
    const next = own.queue.shift();
    if (next) next();
    else own.free += 1;
  }
}

/** Sign in from the page's form: type the email, press Sign in, approve in the popup. Returns timings. */
export function signIn(page, email) {
  // Playwright's pages are Chromium's; the other engines' pages say which engine they are.
  return inSignInSlot(page.engine ?? 'chromium', () => signInNow(page, email));
}

async function signInNow(page, email) {
  const form = page.getByRole('form', { name: 'Sign in with Para' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('Email').fill(email);
  const t = Date.now();
  const [popup] = await Promise.all([page.waitForEvent('popup'), form.getByRole('button', { name: 'Sign in' }).click()]);
  await approveInPortal(popup, email);
  await waitForStatus(page, ['active', 'expiring']);
  const signInMs = Date.now() - t;
  // The account card shows the user's id once the SDK has it.
  await page.locator('#who-user').filter({ hasText: /^[0-9a-f-]{36}$/ }).waitFor({ timeout: 5_000 });
  return { signInMs, userId: await page.locator('#who-user').textContent() };
}
