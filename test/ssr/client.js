// The browser side of the server-rendered page: Lit's hydration support first, then the package, then a client.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { $paraSession } from 'para-session-kit';

const client = { isSessionActive: async () => true, keepSessionAlive: async () => true, userId: 'u1', email: 'a@example.com' };
document.querySelector('para-session').client = client;
$paraSession.subscribe((state) => (document.body.dataset.status = state.status));
