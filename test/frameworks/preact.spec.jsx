// Preact mounts its README recipe (apps/Preact.jsx: the React recipe with @nanostores/preact).
import { h, render } from 'preact';
import { App } from './apps/Preact.jsx';
import versions from 'framework-versions';
import { runRecipe } from './support/recipe-case.ts';

describe(`Preact ${versions['preact']}: the README recipe`, () => {
  it('binds .client and para-session-expired, renders $paraSession, and unmounts clean', async () => {
    await runRecipe(async (host, props) => {
      render(h(App, props), host);
      return () => render(null, host);
    });
  });
});
