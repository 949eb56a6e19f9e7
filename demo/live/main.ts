// The live demo: a real ParaWeb on <para-session>, against the Para emulator or Para's own servers.
import { Environment, ParaWeb } from '@getpara/web-sdk';
import '../../src/index.js';
import type { ParaSession } from '../../src/index.js';
import type { ParaSessionClient } from '../../src/para/client.js';
import { setUpEmulatorPanel } from './emulator-panel.js';
import { setUpSignIn } from './sign-in.js';

/** Injected by demo/serve.mjs: which Para environment and key the page uses. */
declare const __PARA_DEMO_CONFIG__: { environment: keyof typeof Environment; apiKey: string; emulatorUrl: string | null; sessionLength: number | null };
const config = __PARA_DEMO_CONFIG__;

// Session options come from the URL, so a link (or a test) can ask for a short session:
// ?session-length=60&keep-alive=always&refresh-before=25&warn-before=20
const OPTION_ATTRIBUTES = ['session-length', 'keep-alive', 'refresh-before', 'warn-before', 'disable-auto-keep-alive'];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const session = byId<ParaSession>('session');
const params = new URLSearchParams(location.search);
// The emulator's configured length, so the kit's estimates match the server (the URL may override it).
if (config.sessionLength) session.setAttribute('session-length', String(Math.max(60, config.sessionLength)));
for (const name of OPTION_ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) session.setAttribute(name, value);
}
// The dialog's sign-in choices from the URL too (`?reauth=refresh&oauth=google`), so one page shows every method.
const dialog = document.querySelector('para-reauth-dialog')!;
for (const name of ['reauth', 'oauth', 'country-code']) {
  const value = params.get(name);
  if (value !== null) dialog.setAttribute(name, value);
}

// Workers off: the emulator has no MPC network, and session management needs none.
const para = new ParaWeb(Environment[config.environment], config.apiKey, { disableWorkers: true });
session.client = para as unknown as ParaSessionClient;

byId('backend').textContent = config.emulatorUrl ? 'Para emulator' : `Para ${config.environment}`;
const anotherTab = byId<HTMLAnchorElement>('another-tab');
anotherTab.href = location.href;

// ——— event log ———
const log = byId<HTMLOListElement>('log');
const note = (text: string) => {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, ` ${text}`);
  log.prepend(item);
  while (log.children.length > 12) log.lastElementChild!.remove();
};
for (const type of ['para-session-warning', 'para-session-extended', 'para-session-expired', 'para-reauth-request', 'para-reauth-complete', 'para-reauth-cancel'] as const) {
  session.addEventListener(type, () => note(type.replace('para-', '')));
}
session.addEventListener('para-session-error', (event) => note(`error (${event.detail.error.kind}): ${event.detail.error.message}`));

// ——— who is signed in; the sign-in form only while signed out ———
const signIn = setUpSignIn({ session, client: para, form: byId('sign-in'), email: byId('sign-in-email'), message: byId('sign-in-message') });
const showIdentity = () => {
  byId('who-email').textContent = para.email ?? '—';
  byId('who-user').textContent = para.userId ?? '—';
};
para.onStatePhaseChange(showIdentity); // the SDK may learn the user after the kit's status changed
session.addEventListener('para-session-change', (event) => {
  const { state, previous } = event.detail;
  if (state.status !== previous.status) note(`status → ${state.status}`);
  signIn.show(state.status === 'signed-out');
  showIdentity();
});

// ——— the server transfer ———
const serverResult = byId('server-result');
byId('send-session').addEventListener('click', async () => {
  serverResult.textContent = 'Sending…';
  try {
    const response = await session.sendSessionTo('/api/session');
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    serverResult.textContent = `Server: ${body.active ? 'active session' : 'no active session'} for ${body.userId ?? 'an unknown user'}; signers ${body.signersIncluded ? 'included' : 'excluded'}.`;
  } catch (error) {
    serverResult.textContent = `Could not send the session: ${(error as Error).message}`;
  }
});
// A failed logout keeps the session and is finished by the engine once the network is back (para-session-error says so).
byId('sign-out').addEventListener('click', () => session.logout().catch(() => {}));

if (config.emulatorUrl) setUpEmulatorPanel({ session, emulatorUrl: config.emulatorUrl, userId: () => para.userId ?? null, note });
else byId('real-backend').hidden = false;
