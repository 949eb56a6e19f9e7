// The page a server renders: the README's quick start, rendered by @lit-labs/ssr.
import { html } from 'lit';

export const page = () => html`<para-session session-length="7200" keep-alive="activity">
  <header><para-session-status></para-session-status></header>
  <para-session-guard>
    <main id="content">… what needs a session …</main>
    <p slot="fallback">Sign in to see your wallet.</p>
    <p slot="pending">Loading your wallet…</p>
  </para-session-guard>
  <para-reauth-dialog oauth="google apple"></para-reauth-dialog>
</para-session>`;

export const TAGS = ['para-session', 'para-session-status', 'para-session-guard', 'para-reauth-dialog'];
