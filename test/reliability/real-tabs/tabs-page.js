// One tab of the cross-tab scenario: the packaged elements with the scripted client. Records when this
// tab's state changed so the driver can measure handover and logout propagation with one wall clock.
import '/bundle.js';
import { createScriptedClient } from '/scripted-client.js';

const params = new URLSearchParams(location.search);
const sessionEl = document.querySelector('para-session');
window.sessionEl = sessionEl;
window.changes = [];
sessionEl.addEventListener('para-session-change', (event) => {
  const { state, previous } = event.detail;
  window.changes.push({ at: Date.now(), status: state.status, leader: state.leader, wasLeader: previous.leader, visibility: document.visibilityState });
});
// When the page was shown or hidden: a visible tab takes the lead from a hidden one, so the driver reads these
// to tell a handover the browser caused from one the kit made up.
window.visibility = [{ at: Date.now(), state: document.visibilityState }];
document.addEventListener('visibilitychange', () => window.visibility.push({ at: Date.now(), state: document.visibilityState }));
sessionEl.client = createScriptedClient({ pageId: params.get('page'), sessionName: params.get('session') });
