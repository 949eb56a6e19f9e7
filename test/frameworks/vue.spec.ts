// Vue 3 mounts the README's single-file component (apps/Vue.vue, compiled by the test server with vue/compiler-sfc).
import { createApp, h } from 'vue';
import App from './apps/Vue.vue';
import versions from 'framework-versions';
import { runRecipe } from './support/recipe-case.js';

describe(`Vue ${versions['vue']}: the README recipe`, () => {
  it('binds .client and para-session-expired, renders $paraSession, and unmounts clean', async () => {
    await runRecipe(async (host, { para, onExpired }) => {
      const app = createApp({ render: () => h(App, { para, onExpired }) });
      app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('para-');
      app.mount(host);
      return () => app.unmount();
    });
  });
});
