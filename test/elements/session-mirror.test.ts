import { expect, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { $paraSession } from '../../src/core/registry.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { createWorld, settle, SECOND } from './support/session-fixture.js';

/**
 * Renders without `fixture()`: a plain wrapper makes it wait for an animation frame, which a test page running
 * in the background never gets.
 */
function mount(template: TemplateResult): HTMLDivElement {
  const host = document.createElement('div');
  render(template, host);
  document.body.append(host);
  return host;
}

describe('$paraSession with two <para-session> on a page', () => {
  afterEach(() => document.querySelectorAll('body > div').forEach((host) => host.remove()));

  it('stays on the first element after its client is replaced', async () => {
    const a = createWorld();
    const b = createWorld({ signedIn: false });
    const host = mount(html`
      <para-session id="a" channel="probe-a" .client=${a.client} .engineOptions=${a.engineOptions}></para-session>
      <para-session id="b" channel="probe-b" .client=${b.client} .engineOptions=${b.engineOptions}></para-session>
    `);
    await settle(a, SECOND);
    await settle(b, SECOND);
    const elA = host.querySelector<ParaSession>('#a')!;
    const elB = host.querySelector<ParaSession>('#b')!;
    expect(elA.state.status, 'A').to.equal('active');
    expect(elB.state.status, 'B').to.not.equal('active');
    expect($paraSession.get().status, 'mirror before').to.equal('active');

    // The app gives the first session a new client (same world, a new ParaWeb instance in a real app).
    const a2 = createWorld();
    elA.engineOptions = a2.engineOptions;
    elA.client = a2.client;
    await elA.updateComplete;
    await settle(a2, SECOND);
    expect(elA.state.status, 'A after new client').to.equal('active');
    expect($paraSession.get().status, `$paraSession should mirror the first <para-session> (A: ${elA.state.status}), not B (${elB.state.status})`).to.equal(elA.state.status);
  });

  it('a <para-session> disconnected and connected again comes after the one connected meanwhile', async () => {
    const a = createWorld();
    const b = createWorld({ signedIn: false });
    const host = mount(html`
      <para-session id="a" channel="mirror-a" .client=${a.client} .engineOptions=${a.engineOptions}></para-session>
      <para-session id="b" channel="mirror-b" .client=${b.client} .engineOptions=${b.engineOptions}></para-session>
    `);
    await settle(a, SECOND);
    await settle(b, SECOND);
    const elA = host.querySelector<ParaSession>('#a')!;
    const elB = host.querySelector<ParaSession>('#b')!;
    expect($paraSession.get().status).to.equal(elA.state.status);
    elA.remove();
    await settle(a, SECOND);
    expect($paraSession.get().status, 'A gone: B is the first connected').to.equal(elB.state.status);
    host.append(elA);
    await settle(a, SECOND);
    expect($paraSession.get().status, 'A back, after B').to.equal(elB.state.status);
  });
});
