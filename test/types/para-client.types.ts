/**
 * Compile-time proof, checked by `npm run typecheck`: a real `ParaWeb` is a `ParaSessionClient`,
 * and what the kit exports is what `ParaServer.importSession` accepts.
 */
import type { ParaWeb } from '@getpara/web-sdk';
import type ParaServer from '@getpara/server-sdk';
import type { ParaSessionClient } from '../../src/para/client.js';
import type { ParaSessionEngine } from '../../src/core/engine.js';

type Assert<T extends true> = T;

export type ParaWebIsASessionClient = Assert<ParaWeb extends ParaSessionClient ? true : false>;

type Exported = Awaited<ReturnType<ParaSessionEngine['exportSession']>>;
type ImportArgument = Parameters<InstanceType<typeof ParaServer>['importSession']>[0];
export type ServerImportsTheExport = Assert<Exported extends ImportArgument ? true : false>;

/** A client missing a required method must not type-check as one. */
export type IncompleteClientIsRejected = Assert<{ isSessionActive(): Promise<boolean> } extends ParaSessionClient ? false : true>;
