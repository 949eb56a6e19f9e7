// The browser side of the server-rendered page: Lit's hydration support first, then the package, then a client.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { $paraSession } from 'para-session-kit';

// A session with 2 hours left, read from the session cookie's Expires as the SDK keeps it.
const expires = new Date(Date.now() + 2 * 3600_000).toUTCString();
const client = {
  isSessionActive: async () => true,
  keepSessionAlive: async () => true,
  retrieveSessionCookie: () => `x-capsule-sid=s1; Expires=${expires}`,
  userId: 'u1',
  email: 'a@example.com',
};
document.querySelector('para-session').client = client;
$paraSession.subscribe((state) => (document.body.dataset.status = state.status));
