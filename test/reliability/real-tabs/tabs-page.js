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
  window.changes.push({ at: Date.now(), status: state.status, leader: state.leader, wasLeader: previous.leader });
});
sessionEl.client = createScriptedClient({ pageId: params.get('page'), sessionName: params.get('session') });
