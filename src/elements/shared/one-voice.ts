/**
 * Which of the elements showing one session speaks a change in its live region: one voice per session,
 * so a screen reader hears "Session ended" once however many statuses the page shows.
 */
interface Voices {
  members: Set<Element>;
  /** The state the speaker was chosen for: every member asks during one change, the choice is made once. */
  chosenFor: unknown;
  speaker: Element | undefined;
}

const bySession = new WeakMap<object, Voices>();

/** Adds `element` to the voices of `session`; returns what removes it. */
export function joinVoices(session: object, element: Element): () => void {
  let voices = bySession.get(session);
  if (!voices) bySession.set(session, (voices = { members: new Set(), chosenFor: undefined, speaker: undefined }));
  const joined = voices;
  joined.members.add(element);
  return () => {
    joined.members.delete(element);
    if (joined.speaker === element) joined.chosenFor = joined.speaker = undefined;
  };
}

/** A live region under `display: none` or `visibility: hidden` says nothing: such a member must not be the voice. */
function isRendered(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility({ visibilityProperty: true });
  return typeof element.getClientRects !== 'function' || element.getClientRects().length > 0;
}

/** Whether `element` is the one to announce `state`: the first member (in joining order) that is rendered. */
export function speaksFor(session: object | undefined, state: unknown, element: Element): boolean {
  const voices = session && bySession.get(session);
  if (!voices || !voices.members.has(element)) return true;
  if (voices.chosenFor !== state || voices.speaker === undefined) {
    const members = [...voices.members];
    voices.speaker = members.find(isRendered) ?? members[0];
    voices.chosenFor = state;
  }
  return voices.speaker === element;
}
