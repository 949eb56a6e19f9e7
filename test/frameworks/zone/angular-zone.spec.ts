// Angular with zone.js (`provideZoneChangeDetection()`, what `ng new` gives unless asked otherwise), built as the
// Angular CLI builds an app that loads zone.js: async/await lowered so zones follow async work
// (web-test-runner.zone.config.js). zone.js checks the whole app after every callback of a timer or listener
// added in Angular's zone: the kit's own (activity, schedule, countdown) must not count, the app's news must.
import 'zone.js';
import '@angular/compiler';
import { Component, createComponent, NgZone, provideZoneChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { $paraSession } from 'para-session-kit';
import { AppComponent } from '../apps/angular.component.js';
import { ScriptedParaClient } from '../../../demo/scripted-client.js';
import { runRecipe } from '../support/recipe-case.js';

@Component({ selector: 'plain-root', template: `<p>plain</p>` })
class PlainComponent {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean, ms = 4000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(10);
  }
}

/** An app under zone change detection, counting the checks it runs. */
async function mount(kind: 'kit' | 'plain', secondsLeft = 7200) {
  const host = document.body.appendChild(document.createElement('div'));
  const app = await createApplication({ providers: [provideZoneChangeDetection()] });
  const zone = app.injector.get(NgZone);
  // Zone change detection checks the app each time Angular's zone runs out of work (NgZone.onMicrotaskEmpty).
  let ticks = 0;
  zone.onMicrotaskEmpty.subscribe(() => (ticks += 1));
  const client = new ScriptedParaClient();
  client.sessionLength = 7200;
  client.setSecondsLeft(secondsLeft);
  zone.run(() => {
    const component = kind === 'kit' ? AppComponent : PlainComponent;
    const ref = createComponent<object>(component, { environmentInjector: app.injector, hostElement: host.appendChild(document.createElement(kind === 'kit' ? 'app-root' : 'plain-root')) });
    if (kind === 'kit') ref.setInput('para', client);
    app.attachView(ref.hostView);
  });
  const text = () => host.querySelector('p')?.textContent?.trim() ?? '';
  if (kind === 'kit') await until('a session', () => ['active', 'expiring'].includes(text()));
  await pause(300);
  return {
    host, client, zone, text,
    ticksDuring: async (action: () => Promise<void>) => {
      const before = ticks;
      await action();
      return ticks - before;
    },
    destroy: () => {
      app.destroy();
      host.remove();
    },
  };
}

async function moveMouse(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await sendMouse({ type: 'move', position: [10 + (i % 50) * 5, 10 + (i % 7) * 5] });
  await pause(50);
}

async function pressKeys(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await sendKeys({ press: 'Shift' });
  await pause(50);
}

/** Change detections an action costs with the kit mounted, and on a plain app. */
async function compare(action: () => Promise<void>, secondsLeft?: number) {
  const plain = await mount('plain');
  const plainTicks = await plain.ticksDuring(action);
  plain.destroy();
  const kit = await mount('kit', secondsLeft);
  const kitTicks = await kit.ticksDuring(action);
  kit.destroy();
  return { plainTicks, kitTicks };
}

describe('Angular with zone.js: the kit costs the app no change detection of its own', function () {
  this.timeout(30_000);

  it('the README recipe works under zone change detection as it does zoneless', async () => {
    await runRecipe(async (host, { para, onExpired }) => {
      const app = await createApplication({ providers: [provideZoneChangeDetection()] });
      const zone = app.injector.get(NgZone);
      const ref = zone.run(() => {
        const created = createComponent(AppComponent, { environmentInjector: app.injector, hostElement: host.appendChild(document.createElement('app-root')) });
        created.setInput('para', para);
        created.instance.expired.subscribe(onExpired);
        app.attachView(created.hostView);
        return created;
      });
      ref.changeDetectorRef.detectChanges();
      return () => app.destroy();
    });
  });

  it('control: a pointermove listener added in Angular\'s zone costs a change detection per move', async () => {
    const plain = await mount('plain');
    const listener = () => undefined;
    plain.zone.run(() => document.addEventListener('pointermove', listener, { passive: true }));
    const ticks = await plain.ticksDuring(() => moveMouse(30));
    document.removeEventListener('pointermove', listener);
    plain.destroy();
    expect(ticks, 'change detections during 30 pointer moves').to.be.at.least(20);
  });

  it('30 pointer moves run no more change detection than on a plain app (the activity listeners are outside the zone)', async () => {
    const { plainTicks, kitTicks } = await compare(() => moveMouse(30));
    expect(kitTicks, `change detections during 30 pointer moves (plain app: ${plainTicks})`).to.be.at.most(plainTicks + 1);
  });

  it('20 key presses run no more change detection than on a plain app', async () => {
    const { plainTicks, kitTicks } = await compare(() => pressKeys(20));
    expect(kitTicks, `change detections during 20 key presses (plain app: ${plainTicks})`).to.be.at.most(plainTicks + 1);
  });

  it('the countdown inside the warning window re-renders the status every second without checking the app', async () => {
    const kit = await mount('kit', 50);
    kit.host.querySelector('para-session')!.insertAdjacentHTML('beforeend', '<para-session-status></para-session-status>');
    await pause(500);
    const status = kit.host.querySelector('para-session-status')!;
    const shown: string[] = [];
    const ticks = await kit.ticksDuring(async () => {
      for (let i = 0; i < 3; i += 1) {
        shown.push(status.shadowRoot!.textContent!.replace(/\s+/g, ' '));
        await pause(1000);
      }
    });
    kit.destroy();
    expect(new Set(shown).size, `the countdown moved: ${shown.join(' | ')}`).to.equal(3);
    expect(ticks, 'change detections during 3 s of countdown').to.be.at.most(1);
  });

  it("an idle app is stable: the kit's schedule leaves no macrotask pending in Angular's zone", async () => {
    const kit = await mount('kit');
    const pending = kit.zone.hasPendingMacrotasks;
    kit.destroy();
    expect(pending, 'NgZone.hasPendingMacrotasks with the session running').to.equal(false);
  });

  it("a change of state reaches the app inside Angular's zone: $paraSession subscribers, element events, the view", async () => {
    const kit = await mount('kit');
    const heard: Array<[string, boolean]> = [];
    const stop = $paraSession.listen((state) => heard.push([`store ${state.status}`, NgZone.isInAngularZone()]));
    kit.zone.run(() => kit.host.querySelector('para-session')!.addEventListener('para-session-change', (event) => heard.push([`event ${(event as CustomEvent).detail.state.status}`, NgZone.isInAngularZone()])));
    kit.client.expireNow();
    window.dispatchEvent(new Event('online'));
    await until('the view to show expired', () => kit.text() === 'expired');
    stop();
    kit.destroy();
    expect(heard).to.deep.include.members([['store expired', true], ['event expired', true]]);
  });
});
