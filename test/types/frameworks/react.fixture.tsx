// Compile-time fixture: the React 19 JSX types generated from custom-elements.json, as an app imports them.
import type {} from 'para-session-kit/react';
import type { ParaSessionClient } from 'para-session-kit';

declare const para: ParaSessionClient;

export const correct = (
  <para-session client={para} session-length={7200} keep-alive="always" warn-before="120" onpara-session-expired={(e) => e.detail.identity.email}>
    <para-session-status format="short" />
    <para-session-guard>
      <p slot="fallback">Sign in</p>
    </para-session-guard>
    <para-reauth-dialog oauth="google apple" onpara-request-close={(e) => e.detail.source === 'escape'} />
  </para-session>
);

export const wrong = [
  // @ts-expect-error a wrong property type
  <para-session client={42} />,
  // @ts-expect-error a misspelt event: TypeScript lets any hyphenated JSX attribute through, but its handler is untyped
  <para-session onpara-session-expird={(e) => e} />,
  // @ts-expect-error a wrong detail field
  <para-session onpara-session-expired={(e) => e.detail.identiti} />,
  // @ts-expect-error not a keep-alive policy
  <para-session keep-alive="sometimes" />,
  // @ts-expect-error a read-only getter is not a prop
  <para-session state={null} />,
];
