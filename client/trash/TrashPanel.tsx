import { lazy } from 'react'
import { useT } from '../i18n/index'
import { LazyPanel } from '../LazyPanel'
import './trash.css'

const TrashContent = lazy(() => import('./TrashContent').then((m) => ({ default: m.TrashContent })))

/** "Papierkorb" (moderators): a disclosure with what was deleted, loaded when first opened. */
export function TrashPanel() {
  const t = useT()
  return <LazyPanel name="trash" label={t('trash.button')} loading={t('trash.loading')} Content={TrashContent} />
}
