/** How to make nginx available, for the one line printed when the recipes test is skipped. */
export const NGINX_HINT: string;
/** The nginx binary to run (NGINX_PATH or Debian's), or null. */
export function findNginx(): string | null;
/** Why nginx cannot be installed here, or null when it can. */
export function nginxInstallUnavailable(): string | null;
/** Installs Debian's nginx-light with apt-get; returns the binary, or null. */
export function installNginx(options?: { log?: (line: string) => void }): string | null;
