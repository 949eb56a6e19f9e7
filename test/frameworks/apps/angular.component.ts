import { Component, CUSTOM_ELEMENTS_SCHEMA, DestroyRef, EventEmitter, inject, Input, Output, signal } from '@angular/core';
import { $paraSession } from 'para-session-kit';
import type { ParaIdentity, ParaSessionClient, ParaSessionExpiredEvent } from 'para-session-kit';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<para-session [client]="para" (para-session-expired)="onExpired($event)">
               <p>{{ status() }}</p><para-reauth-dialog></para-reauth-dialog>
             </para-session>`,
})
export class AppComponent {
  @Input() para: ParaSessionClient | null = null;
  @Output() expired = new EventEmitter<ParaIdentity>();
  status = signal($paraSession.get().status);

  constructor() {
    const stop = $paraSession.subscribe((state) => this.status.set(state.status));
    inject(DestroyRef).onDestroy(stop);
  }

  onExpired(event: ParaSessionExpiredEvent) {
    this.expired.emit(event.detail.identity);
  }
}
