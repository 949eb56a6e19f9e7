// Compile-time fixture: the Solid JSX types (`prop:` / `on:`) generated from custom-elements.json.
import type {} from 'para-session-kit/solid';
import type { ParaSessionClient } from 'para-session-kit';

declare const para: ParaSessionClient;

export const correct = (
  <para-session prop:client={para} attr:session-length="7200" on:para-session-expired={(e) => e.detail.identity.email}>
    <para-session-status format="short" />
    <para-reauth-dialog oauth="google apple" on:para-request-close={(e) => e.detail.source === 'escape'} />
  </para-session>
);

export const wrong = [
  // @ts-expect-error a wrong property type
  <para-session prop:client={42} />,
  // @ts-expect-error a misspelt event: TypeScript lets any hyphenated JSX attribute through, but its handler is untyped
  <para-session on:para-session-expird={(e) => e} />,
  // @ts-expect-error a wrong detail field
  <para-session on:para-session-expired={(e) => e.detail.identiti} />,
  // @ts-expect-error not a keep-alive policy
  <para-session prop:keepAlive="sometimes" />,
];
