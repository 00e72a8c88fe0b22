/** Why a throwaway cluster cannot be started here, or null when it can. */
export function clusterUnavailable(): string | null;
/** Starts a throwaway PostgreSQL cluster; `stop` also removes its files. */
export function startCluster(): Promise<{ url: string; stop(): void }>;
