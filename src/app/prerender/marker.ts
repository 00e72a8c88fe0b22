/** Marks the server-drawn frame inside #root, which the app's first render replaces (ADR 0038). */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/** Whether the page still shows the server-drawn frame: the app has not rendered yet. */
export function showsPrerenderedFrame(): boolean {
  return (
    typeof document !== 'undefined' && document.querySelector(`#root > [${PRERENDERED_ATTRIBUTE}]`) !== null
  );
}
