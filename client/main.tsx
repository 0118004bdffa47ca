// First: the theme store (it re-applies <html data-theme>, which public/theme-boot.js set
// before the first paint, and follows system changes from now on). Imports run in order.
import './store/theme'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadCatalogue } from './i18n/catalogues'
import { registerOfflineApp } from './offline/register'
import { useLocale } from './store/locale'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
// A stored English interface renders first in English: its catalogue is fetched before.
void loadCatalogue(useLocale.getState().locale).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
registerOfflineApp()
