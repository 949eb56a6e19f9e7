import { expect } from '@open-wc/testing';
import { createParaSession } from '../../src/core/engine.js';
import { splitCreateOptions } from '../../src/core/engine-setup.js';
import { attributeProblem, engineOptionWarnings, OPTION_KEYS, resolveOptions } from '../../src/core/options.js';
import type { ParaSessionClient } from '../../src/para/client.js';
import { createHarness, MINUTE, SECOND, userActs } from './support/harness.js';

function optionsWith(input: Record<string, unknown>) {
  const warnings: string[] = [];
  const engine = createParaSession({ isSessionActive: async () => true, keepSessionAlive: async () => true }, {
    ...input,
    warn: (message) => warnings.push(message),
  });
  return { options: engine.options, warnings };
}

describe('session engine: bad input', () => {
  const cases: Array<[string, Record<string, unknown>, string, unknown, RegExp]> = [
    ['a session shorter than 60 s', { sessionLength: 30 }, 'sessionLength', 60, /sessionLength=30 is outside 60 s … 30 days; using 60/],
    ['a session longer than 30 days', { sessionLength: 40 * 86400 }, 'sessionLength', 30 * 86400, /using 2592000/],
    ['a non-numeric session length', { sessionLength: 'soon' }, 'sessionLength', 7200, /sessionLength="soon" is not a number of seconds; using 7200/],
    ['warnBefore under 20 s', { warnBefore: 5 }, 'warnBefore', 20, /warnBefore=5 is under 20 s \(WCAG 2.2.1\); using 20/],
    ['warnBefore not shorter than the session', { sessionLength: 600, warnBefore: 600 }, 'warnBefore', 120, /is not shorter than the session \(600 s\)/],
    ['refreshBefore not shorter than the session', { sessionLength: 600, refreshBefore: 900 }, 'refreshBefore', 300, /refreshBefore=900 is not shorter/],
    ['a non-numeric refreshBefore', { refreshBefore: NaN }, 'refreshBefore', 300, /refreshBefore=null is not a number/],
    ['refreshBefore 0, which would extend only at the expiry itself', { refreshBefore: 0 }, 'refreshBefore', 10, /refreshBefore=0 is under 10 s \(keep-alive would race the expiry\); using 10/],
    ['a negative refreshBefore', { refreshBefore: -5 }, 'refreshBefore', 10, /refreshBefore=-5 is under 10 s/],
    ['an unknown keep-alive policy', { keepAlive: 'sometimes' }, 'keepAlive', 'activity', /keepAlive="sometimes" is not one of activity, always, off; using "activity"/],
  ];
  for (const [what, input, key, fallback, message] of cases) {
    it(`warns once and falls back for ${what}`, () => {
      const { options, warnings } = optionsWith(input);
      expect(options[key as keyof typeof options]).to.equal(fallback);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(message);
      expect(warnings[0]).to.match(/^createParaSession: /);
    });
  }

  it('adapts defaults to a short session without warning', () => {
    const { options, warnings } = optionsWith({ sessionLength: 60 });
    expect(warnings).to.deep.equal([]);
    expect(options.refreshBefore).to.be.below(60);
    expect(options.warnBefore).to.be.within(20, 59);
  });

  it('keeps adapted defaults as defaults when options change at run time', () => {
    const warnings: string[] = [];
    const engine = createParaSession({ isSessionActive: async () => true, keepSessionAlive: async () => true }, {
      warn: (message) => warnings.push(message),
    });
    engine.setOptions({ sessionLength: 60 });
    expect(warnings).to.deep.equal([]);
    expect(engine.options.warnBefore).to.be.below(60);
    engine.setOptions({ sessionLength: undefined });
    expect(engine.options).to.include({ sessionLength: 7200, warnBefore: 120, refreshBefore: 300 });
  });

  it('maps disableAutoKeepAlive to keepAlive "off"', () => {
    expect(optionsWith({ disableAutoKeepAlive: true }).options.keepAlive).to.equal('off');
  });

  it('puts a config error in state for a client without isSessionActive or keepSessionAlive', () => {
    const engine = createParaSession({ isSessionActive: async () => true } as unknown as ParaSessionClient, { warn: () => {} });
    engine.start();
    expect(engine.state.status).to.equal('idle');
    expect(engine.state.error).to.deep.equal({ kind: 'config', message: 'The Para client has no keepSessionAlive() method.' });
    engine.stop();
  });

  for (const [label, client, said] of [
    ['a plain object', {}, 'The Para client has no isSessionActive() or keepSessionAlive() method.'],
    ['an SDK 1.x-shaped object (isActive, refresh)', { isActive: async () => true, refresh: async () => true }, 'The Para client has no isSessionActive() or keepSessionAlive() method.'],
    ['a Promise of a client (an await forgotten)', Promise.resolve({}), 'The Para client is a Promise: set what it resolves to.'],
  ] as const) {
    it(`says in the console why ${label} cannot run a session, once, and stays idle`, () => {
      const warned: string[] = [];
      const engine = createParaSession(client as unknown as ParaSessionClient, { warn: (message) => warned.push(message) });
      engine.start();
      expect([engine.state.status, engine.state.error?.message]).to.deep.equal(['idle', said]);
      expect(warned).to.deep.equal([`createParaSession: ${said} Give it a ParaWeb 2.x instance; until then the session stays idle.`]);
      engine.stop();
    });
  }

  it('survives client methods that throw synchronously or return a non-boolean', async () => {
    const h = createHarness({ keepAlive: 'always' });
    h.client.isSessionActive = () => {
      throw new Error('boom');
    };
    await h.start();
    expect(h.engine.state.status).to.equal('offline');
    expect(h.engine.state.error?.kind).to.equal('client');
    let answers = 0;
    h.client.isSessionActive = async () => (answers++ === 0 ? ('yes' as unknown as boolean) : true);
    await h.clock.advance(MINUTE);
    expect(h.engine.state.status).to.equal('active');
    h.client.keepSessionAlive = async () => 42 as unknown as boolean;
    const extended = h.engine.extend();
    await h.clock.advance(SECOND);
    expect(await extended).to.equal(false);
    expect(h.engine.state.status).to.equal('active');
    expect(h.statuses).to.not.include('expired');
    h.engine.stop();
  });
});

describe('option table', () => {
  it('names a problem for attribute text that cannot be the option, and none for text that can', () => {
    expect(attributeProblem('sessionLength', 'two hours')).to.equal('is not a number of seconds');
    expect(attributeProblem('sessionLength', ' 3600 ')).to.equal(null);
    expect(attributeProblem('keepAlive', 'sometimes')).to.equal('is not one of activity, always, off');
    expect(attributeProblem('keepAlive', 'always')).to.equal(null);
  });

  it('splits createParaSession options from what the engine runs on, by the table alone', () => {
    const clock = { now: () => 0, monotonic: () => 0, setTimeout: () => 0, clearTimeout: () => {} };
    const { options, setup } = splitCreateOptions({ sessionLength: 600, requestTimeout: 5, clock, tabs: false });
    expect(options).to.deep.equal({ sessionLength: 600, requestTimeout: 5 });
    expect(setup).to.deep.equal({ clock, tabs: false });
    expect(OPTION_KEYS).to.have.members(Object.keys(resolveOptions({}, engineOptionWarnings(() => {}))));
  });
});

describe('session engine: the smallest refresh-before still keeps the session alive', () => {
  it('refreshBefore 0 (raised to the minimum) extends a busy user before each expiry, for 6 hours', async () => {
    const h = createHarness({ refreshBefore: 0 });
    await h.start();
    let endedOnServer = 0;
    for (let t = 0; t < 6 * 60; t += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) endedOnServer += 1;
    }
    expect(endedOnServer).to.equal(0);
    expect(h.fired.expired ?? 0).to.equal(0);
    expect(h.server.counts.keepSessionAlive).to.be.within(2, 6);
    h.engine.stop();
  });
});
