import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPage } from './App';
import './styles/base.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/forms.css';
import './styles/dashboard.css';
import './styles/editing.css';
import './styles/packs.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing the #root element');

preloadPage(window.location.pathname);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
