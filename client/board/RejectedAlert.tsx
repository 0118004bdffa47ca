import { useT } from '../i18n/index'
import { useSession } from '../store/session'

/** Tells the person that the server refused a change and the board was reloaded. */
export function RejectedAlert() {
  const t = useT()
  return (
    <div className="alert" role="alert">
      <p>{t('problem.rejected')}</p>
      <button type="button" className="button button--quiet" onClick={() => useSession.setState({ problem: null })}>
        {t('problem.dismiss')}
      </button>
    </div>
  )
}
