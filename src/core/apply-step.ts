import type { ParaIdentity } from '../para/identity.js';
import type { SharedSessionMessage } from './coordinator.js';
import type { Effect } from './transitions/step.js';
import type { EngineEventMap } from './types.js';

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
  rejectWaiters(reason: 'signed-out' | 'cancelled' | 'account-switched' | 'account-unconfirmed'): void;
  check(confirm: boolean): void;
  replan(): void;
  cancelLogoutGrace(): void;
  confirmSignOut(): void;
  confirmParaLogout(): void;
  oweLogout(clearPregenWallets: boolean, toNewTab: boolean): void;
  settleLogout(): void;
  logoutPaidElsewhere(): void;
}

type Runners = { [T in Effect['type']]: (targets: EffectTargets, effect: Extract<Effect, { type: T }>) => void };

/** What each effect does, one line each. */
const RUNNERS: Runners = {
  'publish-state': (targets) => targets.publishState(),
  publish: (targets, effect) => targets.publish(effect.message),
  'emit-expired': (targets) => targets.emit('expired', { identity: targets.lastIdentity() }),
  'emit-signed-out': (targets) => targets.emit('signed-out', {}),
  'emit-extended': (targets) => targets.emit('extended', { expiresAt: targets.expiresAt() }),
  'emit-error': (targets, effect) => targets.emit('error', { error: effect.error }),
  'request-reauth': (targets) => targets.requestReauth(),
  'finish-reauth': (targets) => {
    const completion = targets.finishReauth();
    // Only the same account resumes what waited; a later resolve-waiters then finds nobody.
    if (completion.account !== 'same') targets.rejectWaiters(completion.account === 'switched' ? 'account-switched' : 'account-unconfirmed');
    targets.emit('reauth-complete', completion);
  },
  'remember-identity': (targets) => targets.rememberIdentity(),
  'reset-expiry': (targets) => targets.resetExpiry(),
  'resolve-waiters': (targets) => targets.resolveWaiters(),
  'reject-waiters': (targets, effect) => targets.rejectWaiters(effect.reason),
  check: (targets, effect) => targets.check(effect.confirm === true),
  replan: (targets) => targets.replan(),
  'cancel-logout-grace': (targets) => targets.cancelLogoutGrace(),
  'confirm-sign-out': (targets) => targets.confirmSignOut(),
  'confirm-para-logout': (targets) => targets.confirmParaLogout(),
  'owe-logout': (targets, effect) => targets.oweLogout(effect.clearPregenWallets === true, effect.toNewTab === true),
  'settle-logout': (targets) => targets.settleLogout(),
  'logout-paid-elsewhere': (targets) => targets.logoutPaidElsewhere(),
};

/** Runs a transition's effects in the order it listed them. */
export function applyEffects(targets: EffectTargets, effects: readonly Effect[]): void {
  for (const effect of effects) (RUNNERS[effect.type] as (targets: EffectTargets, effect: Effect) => void)(targets, effect);
}
