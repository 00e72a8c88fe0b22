import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
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
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
