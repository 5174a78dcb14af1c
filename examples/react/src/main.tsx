import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defineTinyChat } from 'tinychat-widget';
import { App } from './App';

defineTinyChat();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
