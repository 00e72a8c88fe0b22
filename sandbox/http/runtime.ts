import type { Database } from '../db/database.ts';
import type { ModelIndex } from '../db/models.ts';
import type { ResourceDeclaration } from '../resources/types.ts';
import type { BodyLimits } from './body-limit.ts';
import type { FaultStore } from './faults.ts';
import type { HostPolicy } from './hosts.ts';
import type { Throttle } from './throttle.ts';

export type DiscoverySource = 'root' | 'openapi' | 'coreapi';

/** Everything a request handler needs; one per sandbox. */
export interface Runtime {
  resources: readonly ResourceDeclaration[];
  models: ModelIndex;
  db: Database;
  publicUrl?: string | null;
  hosts: HostPolicy;
  bodyLimits: BodyLimits;
  discovery: ReadonlySet<DiscoverySource>;
  throttle?: Throttle;
  faults?: FaultStore;
}
