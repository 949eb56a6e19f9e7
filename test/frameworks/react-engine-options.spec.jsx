// React hands a new object to `engineOptions={{ tabs: false }}` on every render. The component also renders
// $paraSession, so an engine restart for an equal object would re-render it, which passes another: a loop.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useStore } from '@nanostores/react';
import { expect } from '@open-wc/testing';
import { $paraSession } from 'para-session-kit';
import { ScriptedParaClient } from '../../demo/scripted-client.ts';

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function App({ para }) {
  const { status } = useStore($paraSession);
  return (
    <para-session client={para} engineOptions={{ tabs: false, allowedOrigins: ['https://api.example.com'] }}>
      <p>{status}</p>
    </para-session>
  );
}

describe('React: engineOptions written inline', () => {
  it('re-renders with an equal object do not restart the session: one check, and the status settles', async () => {
    const para = new ScriptedParaClient();
    para.sessionLength = 7200;
    para.setSecondsLeft(7200);
    let checks = 0;
    const host = document.body.appendChild(document.createElement('div'));
    const original = para.isSessionActive.bind(para);
    // A loop never yields to a task: after 25 checks the host leaves the page, which ends it, so the test reports.
    para.isSessionActive = () => {
      checks += 1;
      if (checks === 25) queueMicrotask(() => host.remove());
      return original();
    };
    const root = createRoot(host);
    flushSync(() => root.render(createElement(App, { para })));
    await pause(1500);
    const shown = host.querySelector('p')?.textContent;
    root.unmount();
    host.remove();
    expect({ checks, shown }).to.deep.equal({ checks: 1, shown: 'active' });
  });
});
