// First: the theme store (it re-applies <html data-theme>, which public/theme-boot.js set
// before the first paint, and follows system changes from now on). Imports run in order.
import './store/theme'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { registerOfflineApp } from './offline/register'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
registerOfflineApp()
