import { useT } from '../i18n/index'
import { setIntroOpen, useIntroOpen } from '../store/introOpen'

/** In the header: the introduction again, for whoever closed it or never saw it open (a phone). */
export function IntroButton() {
  const t = useT()
  const open = useIntroOpen((s) => s.open === true)
  if (open) return null
  return (
    <button type="button" className="button" onClick={() => setIntroOpen(true)}>
      {t('intro.reopen')}
    </button>
  )
}
