// Solid mounts the README recipe (apps/Solid.jsx, compiled by the test server with babel-preset-solid).
import { createComponent, render } from 'solid-js/web';
import { App } from './apps/Solid.jsx';
import versions from 'framework-versions';
import { runRecipe } from './support/recipe-case.js';

describe(`Solid ${versions['solid-js']}: the README recipe`, () => {
  it('binds .client and para-session-expired, renders $paraSession, and unmounts clean', async () => {
    await runRecipe(async (host, props) => {
      const dispose = render(() => createComponent(App, props), host);
      return dispose;
    });
  });
});
