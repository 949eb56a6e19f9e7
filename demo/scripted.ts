import '../src/index.js';
// Languages beyond English are modules of their own; the screenshots show the Arabic (right-to-left) dialog.
import '../src/locales/ar.js';
import '../src/locales/de.js';
import { ScriptedParaClient } from './scripted-client.js';

const client = new ScriptedParaClient();
// The scripted portal page approves through its opener.
(window as unknown as { scriptedClient: ScriptedParaClient }).scriptedClient = client;

const session = document.querySelector('para-session')!;
session.client = client;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const log = byId<HTMLOListElement>('log');
const note = (text: string) => {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
  while (log.children.length > 8) log.lastElementChild!.remove();
};

for (const type of ['para-session-warning', 'para-session-extended', 'para-session-expired', 'para-reauth-request', 'para-reauth-complete', 'para-reauth-cancel', 'para-session-error'] as const) {
  session.addEventListener(type, () => note(type));
}
session.addEventListener('para-session-change', (event) => {
  if (event.detail.state.status !== event.detail.previous.status) note(`status → ${event.detail.state.status}`);
});

const approve = byId<HTMLButtonElement>('approve');
client.onSignInWaiting = () => (approve.disabled = false);
approve.addEventListener('click', () => {
  client.approveSignIn();
  approve.disabled = true;
});

byId<HTMLInputElement>('length').addEventListener('change', (event) => {
  const seconds = Number((event.target as HTMLInputElement).value);
  client.sessionLength = seconds;
  session.sessionLength = seconds;
});
byId<HTMLInputElement>('fail-keep-alive').addEventListener('change', (event) => (client.failKeepAlive = (event.target as HTMLInputElement).checked));
byId<HTMLInputElement>('offline').addEventListener('change', (event) => {
  client.offline = (event.target as HTMLInputElement).checked;
  void session.check();
});
// Shows what an idle user sees. This click is activity, on which the session would (rightly) be extended
// instead of warned: keep-alive stays off until the warning is over.
byId('warn').addEventListener('click', () => {
  const policy = session.keepAlive;
  session.keepAlive = 'off';
  let warned = false;
  const restore = (event: Event) => {
    const { status } = (event as CustomEvent<{ state: { status: string } }>).detail.state;
    if (status === 'expiring') warned = true;
    else if (warned) {
      session.keepAlive = policy;
      session.removeEventListener('para-session-change', restore);
    }
  };
  session.addEventListener('para-session-change', restore);
  client.setSecondsLeft(25);
  void session.check();
});
byId('expire').addEventListener('click', () => {
  client.expireNow();
  void session.check();
});
byId('revoke').addEventListener('click', () => {
  client.revoke();
  void session.check();
});
