import sinon from 'sinon';

export interface FakePopup {
  closed: boolean;
  location: { href: string };
  close(): void;
}

/** Replaces `window.open` so a test sees the popup the dialog opened (or simulates a blocker). */
export function stubWindowOpen(blocked = false): { popup: FakePopup; open: sinon.SinonStub; restore(): void } {
  const popup: FakePopup = {
    closed: false,
    location: { href: 'about:blank' },
    close() {
      this.closed = true;
    },
  };
  const open = sinon.stub(window, 'open').callsFake(() => (blocked ? null : (popup as unknown as Window)));
  return { popup, open, restore: () => open.restore() };
}
