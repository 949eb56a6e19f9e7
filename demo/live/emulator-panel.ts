// The Para emulator's test controls (/__emulator/* on its API port), as buttons in the demo.
import type { ParaSession } from '../../src/index.js';

interface PanelParts {
  session: ParaSession;
  emulatorUrl: string;
  userId(): string | null;
  note(text: string): void;
}

export function setUpEmulatorPanel({ session, emulatorUrl, userId, note }: PanelParts): void {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const message = byId('emulator-message');
  byId('emulator-controls').hidden = false;

  const control = async (name: string, body?: unknown) => {
    const response = await fetch(new URL(`__emulator/${name}`, emulatorUrl), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };
  const act = async (label: string, run: () => Promise<string>) => {
    try {
      const text = await run();
      message.textContent = text;
      note(`emulator: ${label}`);
    } catch (error) {
      message.textContent = `The emulator did not answer: ${(error as Error).message}`;
    }
  };

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-control]')) {
    const name = button.dataset.control as 'expire' | 'revoke';
    button.addEventListener('click', () =>
      act(name, async () => {
        const result = await control(name, { userId: userId() ?? undefined });
        const count = result.expired ?? result.revoked ?? 0;
        return `${name === 'expire' ? 'Expired' : 'Revoked'} ${count} session${count === 1 ? '' : 's'} on the server.`;
      }),
    );
  }

  const offline = byId<HTMLButtonElement>('toggle-offline');
  offline.addEventListener('click', () => {
    const goOffline = offline.getAttribute('aria-pressed') !== 'true';
    return act(goOffline ? 'offline' : 'online', async () => {
      await control(goOffline ? 'offline' : 'online', {});
      offline.setAttribute('aria-pressed', String(goOffline));
      offline.textContent = goOffline ? 'Go online' : 'Go offline';
      return goOffline ? 'The API drops every request until you go online again.' : 'The API answers again.';
    });
  });

  byId('check-now').addEventListener('click', () => void session.check());

  byId<HTMLFormElement>('fail-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const count = Number(byId<HTMLInputElement>('fail-count').value);
    const how = byId<HTMLSelectElement>('fail-how').value;
    void act(`fail next ${count}`, async () => {
      await control('fail', how === 'drop' ? { count, drop: true } : { count, status: Number(how) });
      return `The next ${count} API requests fail with ${how === 'drop' ? 'a dropped connection' : `HTTP ${how}`}.`;
    });
  });

  const length = byId<HTMLInputElement>('length');
  length.value = String(session.sessionLength ?? 7200);
  byId<HTMLFormElement>('length-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const seconds = Number(length.value);
    void act(`session length ${seconds} s`, async () => {
      await control('session-length', { seconds });
      session.sessionLength = seconds; // the kit's estimate follows Para's configured length
      return `New sessions and keep-alives now last ${seconds} s.`;
    });
  });

  const counts = byId<HTMLTableElement>('counts').tBodies[0];
  const showCounts = async () => {
    const data: Record<string, number> = await control('counts');
    counts.replaceChildren(
      ...Object.entries(data)
        .filter(([endpoint]) => !endpoint.startsWith('OPTIONS'))
        .map(([endpoint, n]) => {
          const row = counts.insertRow();
          row.insertCell().textContent = endpoint;
          row.insertCell().textContent = String(n);
          return row;
        }),
    );
  };
  byId('refresh-counts').addEventListener('click', () => void showCounts().catch(() => (message.textContent = 'The emulator did not answer.')));
  // Counts matter most right after the session changed (sign-in, keep-alive, expiry).
  session.addEventListener('para-session-change', () => void showCounts().catch(() => {}));
  session.addEventListener('para-session-extended', () => void showCounts().catch(() => {}));
  void showCounts().catch(() => {});
}
