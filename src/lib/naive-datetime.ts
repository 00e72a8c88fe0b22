/** The browser's local time as a naive Alyx datetime (`2024-01-02T10:00:00`): the lab's clock is the user's. */
export function localNaiveNow(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`
  );
}
