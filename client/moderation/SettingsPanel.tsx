import { lazy } from 'react'
import { useT } from '../i18n/index'
import { LazyPanel } from '../LazyPanel'

const SettingsContent = lazy(() => import('./SettingsContent').then((m) => ({ default: m.SettingsContent })))

/** "Einstellungen": a disclosure with the moderator's settings, texts, access and deletion. */
export function SettingsPanel() {
  const t = useT()
  return <LazyPanel name="settings" icon="⚙" label={t('settings.button')} loading={t('settings.loading')} Content={SettingsContent} />
}
