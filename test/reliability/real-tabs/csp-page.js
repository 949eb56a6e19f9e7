// The strict-CSP page: all four elements, driven by the scripted server's expiry alone (keep-alive off).
import '/bundle.js';
import { createScriptedClient } from '/scripted-client.js';

const sessionEl = document.querySelector('para-session');
window.sessionEl = sessionEl;
window.statuses = [];
sessionEl.addEventListener('para-session-change', (event) => window.statuses.push(event.detail.state.status));
// Each engine's page has its own server session (the engines run side by side).
const sessionName = new URLSearchParams(location.search).get('session') ?? 'csp';
sessionEl.client = createScriptedClient({ pageId: 'csp', sessionName });
