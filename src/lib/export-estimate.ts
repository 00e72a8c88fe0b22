/** Time left of a paged export, from the rate so far. */

/** Milliseconds left, or null until one page has arrived (no rate yet) or when nothing is left. */
export function exportTimeLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0 || total <= done) return null;
  return ((total - done) * elapsedMs) / done;
}

/** "about 40 s left", "about 3 min left"; "estimating…" before the first page. */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return 'estimating…';
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}
