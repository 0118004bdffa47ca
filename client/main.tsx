// First: sets <html data-theme> from the stored choice before anything renders (the CSP
// allows no inline script in index.html, and imports run in order).
import './theme/theme'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
