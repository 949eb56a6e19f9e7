import type { ParaIdentity } from '../para/identity.js';
import type { SharedSessionMessage } from './coordinator.js';
import type { Effect } from './transitions/step.js';
import type { EngineEventMap, SessionError } from './types.js';

/** What the effects of a transition act on: the engine hands its rooms over as these few verbs. */
export interface EffectTargets {
  publishState(): void;
  publish(message: SharedSessionMessage): void;
  emit<K extends keyof EngineEventMap>(type: K, detail: EngineEventMap[K]): void;
  expiresAt(): number | null;
  /** Who was signed in when the session expired. */
  lastIdentity(): ParaIdentity;
  /** Closes the re-auth flows for whoever the client says is signed in now. */
  finishReauth(): EngineEventMap['reauth-complete'];
  rememberIdentity(): void;
  requestReauth(): void;
  resetExpiry(): void;
  resolveWaiters(): void;
  rejectWaiters(reason: 'signed-out' | 'cancelled'): void;
  check(): void;
  replan(): void;
  cancelLogoutGrace(): void;
}

/** Runs a transition's effects in the order it listed them. */
export function applyEffects(targets: EffectTargets, effects: readonly Effect[]): void {
  for (const effect of effects) run(targets, effect);
}

function run(targets: EffectTargets, effect: Effect): void {
  switch (effect.type) {
    case 'publish-state':
      return targets.publishState();
    case 'publish':
      return targets.publish(effect.message);
    case 'emit-expired':
      return targets.emit('expired', { identity: targets.lastIdentity() });
    case 'emit-signed-out':
      return targets.emit('signed-out', {});
    case 'emit-extended':
      return targets.emit('extended', { expiresAt: targets.expiresAt() });
    case 'emit-error':
      return emitError(targets, effect.error);
    case 'request-reauth':
      return targets.requestReauth();
    case 'finish-reauth':
      return targets.emit('reauth-complete', targets.finishReauth());
    case 'remember-identity':
      return targets.rememberIdentity();
    case 'reset-expiry':
      return targets.resetExpiry();
    case 'resolve-waiters':
      return targets.resolveWaiters();
    case 'reject-waiters':
      return targets.rejectWaiters(effect.reason);
    case 'check':
      return targets.check();
    case 'replan':
      return targets.replan();
    case 'cancel-logout-grace':
      return targets.cancelLogoutGrace();
  }
}

function emitError(targets: EffectTargets, error: SessionError): void {
  targets.emit('error', { error });
}
