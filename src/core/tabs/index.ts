export { createTabCoordinator, DEFAULT_CHANNEL_NAME } from './tab-coordinator.js';
export type { TabCoordinatorOptions, CrossTabCoordinator } from './tab-coordinator.js';
export type { LockManagerLike, LockRequestOptions } from './lock-election.js';
export type { ChannelConstructor, ChannelPort, StorageLike } from './transport.js';
export { WIRE_VERSION } from './wire.js';
