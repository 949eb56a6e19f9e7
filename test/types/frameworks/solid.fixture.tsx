// Compile-time fixture: the Solid JSX types (`prop:` / `on:`) generated from custom-elements.json.
import type {} from 'para-session-kit/solid';
import type { ParaSession, ParaSessionClient } from 'para-session-kit';

declare const para: ParaSessionClient;

export const correct = (
  <para-session prop:client={para} attr:session-length="7200" on:para-session-expired={(e) => e.detail.identity.email}>
    <para-session-status format="short" />
    <para-reauth-dialog oauth="google apple" on:para-request-close={(e) => e.detail.source === 'escape'} />
  </para-session>
);

// Solid's own attributes and events on the kit's tags, and `attr:` for every attribute the elements document.
let session: ParaSession | undefined;
export const withSolidAttributes = (
  <para-session ref={session} prop:client={para} attr:channel="app-1" attr:disable-auto-keep-alive="" onClick={(e) => e.currentTarget.state} id="session" classList={{ on: true }}>
    <para-session-status attr:format="long" style={{ color: 'red' }} on:click={(e) => e.currentTarget.format} />
    <para-reauth-dialog attr:oauth="google" attr:reauth="refresh" attr:country-code="+44" onKeyDown={(e) => e.key === 'Escape'} />
    <para-session-guard ref={(el) => el.showing} title="Signed-in content" />
  </para-session>
);

export const wrongSolidAttributes = [
  // @ts-expect-error `client` is a property, not an attribute
  <para-session attr:client={para} />,
  // @ts-expect-error not a time format
  <para-session-status attr:format="medium" />,
  // @ts-expect-error not a re-authentication mode
  <para-reauth-dialog attr:reauth="sometimes" />,
  // @ts-expect-error any value of a boolean attribute turns it on, "false" too: `bool:` toggles it
  <para-session attr:disable-auto-keep-alive={false} />,
  // @ts-expect-error a misspelt DOM event
  <para-session-status onClik={() => {}} />,
  // @ts-expect-error a DOM handler gets the DOM event (a KeyboardEvent's `detail` is a number)
  <para-reauth-dialog onKeyDown={(e) => e.detail.source} />,
];

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
