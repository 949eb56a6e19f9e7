// Angular (JIT, zoneless) bootstraps the README component (apps/angular.component.ts).
import '@angular/compiler';
import { createComponent, provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { AppComponent } from './apps/angular.component.js';
import versions from 'framework-versions';
import { runRecipe } from './support/recipe-case.js';

describe(`Angular ${versions['@angular/core']}: the README recipe`, () => {
  it('binds .client and para-session-expired, renders $paraSession, and unmounts clean', async () => {
    await runRecipe(async (host, { para, onExpired }) => {
      const app = await createApplication({ providers: [provideZonelessChangeDetection()] });
      const ref = createComponent(AppComponent, { environmentInjector: app.injector, hostElement: host.appendChild(document.createElement('app-root')) });
      ref.setInput('para', para);
      ref.instance.expired.subscribe(onExpired);
      app.attachView(ref.hostView);
      ref.changeDetectorRef.detectChanges();
      return () => app.destroy();
    });
  });
});
