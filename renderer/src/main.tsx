import './zod-setup';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';

// A page's chunk would not load: the host was restarted with a newer build (the old chunk names are gone) or the
// connection dropped. Reloading brings the current build — or the host's page saying which link to open. At most once
// in ten seconds, so a chunk that is really missing cannot make the page reload for ever.
window.addEventListener('vite:preloadError', () => {
  const last = Number(sessionStorage.getItem('tc-chunk-reload') ?? 0);
  if (Date.now() - last < 10_000) return;
  sessionStorage.setItem('tc-chunk-reload', String(Date.now()));
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
