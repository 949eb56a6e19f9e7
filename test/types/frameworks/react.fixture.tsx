// Compile-time fixture: the React 19 JSX types generated from custom-elements.json, as an app imports them.
import type {} from 'para-session-kit/react';
import { useRef, type CSSProperties } from 'react';
import type { ParaSession, ParaSessionClient, ParaSessionGuard } from 'para-session-kit';

declare const para: ParaSessionClient;
declare const css: CSSProperties;

export const correct = (
  <para-session client={para} session-length={7200} keep-alive="always" warn-before="120" onpara-session-expired={(e) => e.detail.identity.email}>
    <para-session-status format="short" strings={{ status: { active: 'Logged in' } }} />
    <para-session-guard>
      <p slot="fallback">Sign in</p>
    </para-session-guard>
    <para-reauth-dialog oauth="google apple" onpara-request-close={(e) => e.detail.source === 'escape'} />
  </para-session>
);

// React's own attributes and events on the kit's tags, as on any element: a ref object, handlers, a style object.
export function WithReactAttributes() {
  const session = useRef<ParaSession>(null);
  let guard: ParaSessionGuard | null = null;
  return (
    <para-session ref={session} client={para} id="session" className="session" style={css}>
      <para-session-status onClick={(e) => e.currentTarget.format} title="Time left" />
      <para-reauth-dialog onKeyDown={(e) => e.key === 'Escape'} aria-label="Sign in again" />
      <para-session-guard ref={(el) => void (guard = el)} hidden={!guard} />
    </para-session>
  );
}

export function WrongReactAttributes() {
  const input = useRef<HTMLInputElement>(null);
  return [
    // @ts-expect-error a ref to another kind of element
    <para-session ref={input} />,
    // @ts-expect-error React takes a style object, not a string
    <para-session-status style="color: red" />,
    // @ts-expect-error a misspelt DOM event
    <para-session-status onClik={() => {}} />,
    // @ts-expect-error a DOM handler gets the DOM event (a KeyboardEvent's `detail` is a number)
    <para-reauth-dialog onKeyDown={(e) => e.detail.source} />,
  ];
}

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
