// Svelte 5 mounts the README component (apps/Svelte.svelte, compiled by the test server with rollup-plugin-svelte).
import { flushSync, mount, unmount } from 'svelte';
import App from './apps/Svelte.svelte';
import versions from 'framework-versions';
import { runRecipe } from './support/recipe-case.js';

describe(`Svelte ${versions['svelte']}: the README recipe`, () => {
  it('binds .client and para-session-expired, renders $paraSession, and unmounts clean', async () => {
    await runRecipe(async (host, props) => {
      const app = mount(App, { target: host, props });
      flushSync();
      return () => unmount(app);
    });
  });
});
