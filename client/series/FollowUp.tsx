import { useId, useState } from 'react'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { RouteLink } from '../report/RouteLink'
import { enterAsCreator } from '../landing/enterAsCreator'
import { boardPath, seriesPath } from '../router'
import { useBoard } from '../store/board'
import { useIsModerator } from '../store/permissions'
import { loadCredentials } from '../sync/credentials'
import { createFollowUp } from './api'

/**
 * On the Ergebnis page of a finished board, for the moderator: "Folgetreffen anlegen" (a new board
 * in the same series, opened at once as its moderator) and the way to the series page.
 */
export function FollowUp({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const id = useId()
  const moderator = useIsModerator()
  const finished = useBoard((s) => s.phase === 'abschluss')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState(false)
  if (!moderator) return null
  async function create() {
    const { moderatorToken: token, name } = loadCredentials(boardId)
    setBusy(true)
    setError(false)
    announce(t('followup.creating'))
    const created = token ? await createFollowUp(boardId, token) : null
    setBusy(false)
    if (!created) {
      setError(true)
      return
    }
    // The moderator comes along under the name given for this meeting, not asked for it again.
    enterAsCreator(created, name ?? '', boardPath(created.boardId))
  }
  return (
    <section className="follow-up" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('series.title')}</h2>
      {finished && (
        <>
          <p id={`${id}-hint`}>{t('followup.hint')}</p>
          <button type="button" className="button button--primary" aria-describedby={`${id}-hint`} disabled={busy} onClick={() => void create()}>
            {busy ? t('followup.creating') : t('followup.create')}
          </button>
        </>
      )}
      <RouteLink to={seriesPath(boardId)} className="button button--quiet">
        {t('followup.series')}
      </RouteLink>
      {error && <p role="alert">{t('followup.failed')}</p>}
    </section>
  )
}
