/**
 * Route modules a view can load ahead of a click, so that opening a form waits for rendering
 * only. The app registers the importers (components may not import routes); a view asks by name.
 */
export type PreloadableView = 'form';

const importers = new Map<PreloadableView, () => Promise<unknown>>();
const started = new Set<PreloadableView>();

export function registerViewPreload(view: PreloadableView, load: () => Promise<unknown>): void {
  importers.set(view, load);
}

/** Starts loading `view`'s code once; a failure is left for the navigation itself to report. */
export function preloadView(view: PreloadableView): void {
  const load = importers.get(view);
  if (!load || started.has(view)) return;
  started.add(view);
  load().catch(() => started.delete(view));
}

/** Loads `view`'s code when the browser is idle (a view showing an Edit or New link). */
export function preloadViewWhenIdle(view: PreloadableView): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => preloadView(view), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => preloadView(view), 300);
  return () => clearTimeout(timer);
}
