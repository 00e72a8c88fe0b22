import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startDraftCleanup } from './lib/form-drafts.ts';
import { startRequestHistory } from './lib/request-history.ts';
import { startTabHandover } from './lib/tab-handover.ts';

// Before the first route loader runs, so a new tab can ask the others for their tokens.
startTabHandover();
// From the start, not when a form first loads: a logout must drop drafts left from before a reload.
startDraftCleanup();
// Before any request, so the history misses none, and so a logout empties it from the start.
startRequestHistory();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
