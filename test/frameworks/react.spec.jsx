// React 19 mounts the README recipe (apps/React.jsx); this file is bundled with esbuild (React ships CommonJS).
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './apps/React.jsx';
import versions from 'framework-versions';
import { runRecipe } from './support/recipe-case.ts';

describe(`React ${versions['react']}: the README recipe`, () => {
  it('binds .client and para-session-expired, renders $paraSession, and unmounts clean', async () => {
    await runRecipe(async (host, props) => {
      const root = createRoot(host);
      flushSync(() => root.render(createElement(App, props)));
      return () => root.unmount();
    });
  });
});
