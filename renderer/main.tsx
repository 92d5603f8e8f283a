import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Boot } from './app/Boot';
import { provideHandleStore } from './bridge';
import { handleStore } from './db/sync/handles';
import './styles/app.css';
import './components/dialog.css';

provideHandleStore(handleStore);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Boot>
      <App />
    </Boot>
  </StrictMode>,
);
