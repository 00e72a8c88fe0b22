import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApp } from './app/App.tsx';
import { showsPrerenderedFrame } from './app/prerender/marker.ts';
import { startDraftCleanup } from './lib/form-drafts.ts';
import { bufferRequestsUntilListened } from './api/http/request-log.ts';
import { startTabHandover } from './lib/tab-handover.ts';

// Before the first route loader runs, so a new tab can ask the others for their tokens.
startTabHandover();
// From the start, not when a form first loads: a logout must drop drafts left from before a reload.
startDraftCleanup();
// The history store loads beside the first screen, not in it; requests that end before it are kept for it.
bufferRequestsUntilListened();
void import('./lib/request-history.ts').then(({ startRequestHistory }) => startRequestHistory());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const { router, App } = startApp();
const render = (): void =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The server-drawn tree (ADR 0038) stays until the first page is ready: rendering earlier would
// replace it with the router's empty state while the loaders run.
if (showsPrerenderedFrame() && !router.state.initialized) {
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    render();
  });
} else {
  render();
}
