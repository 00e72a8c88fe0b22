import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startTabHandover } from './lib/tab-handover.ts';

// Before the first route loader runs, so a new tab can ask the others for their tokens.
startTabHandover();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
