/**
 * Short confirmations that outlive a navigation ("Session created", with a link to it). A tiny
 * store rather than a notifications package: one region in the layout reads it.
 */

export interface Notice {
  id: number;
  message: string;
  /** An app path the notice links to. */
  href?: string;
  linkLabel?: string;
}

const listeners = new Set<() => void>();
let notices: readonly Notice[] = [];
let next = 1;

function emit(): void {
  for (const listener of [...listeners]) listener();
}

export function getNotices(): readonly Notice[] {
  return notices;
}

export function dismissNotice(id: number): void {
  notices = notices.filter((notice) => notice.id !== id);
  emit();
}

/** Shows a notice for `ms` (0: until dismissed); at most three at a time. */
export function showNotice(notice: Omit<Notice, 'id'>, ms = 8000): number {
  const id = next++;
  notices = [...notices.slice(-2), { ...notice, id }];
  emit();
  if (ms > 0) setTimeout(() => dismissNotice(id), ms);
  return id;
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
