/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAge(since: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

const integer = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 record", "2,000 records" (plural adds "s" unless given). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
