import { useId } from 'react'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useMayVote } from '../store/permissions'

/** The vote's rules while it is open, and that it ended; the votes left and the moderator's buttons are in the bar. */
export function VotingPanel() {
  const t = useT()
  const id = useId()
  const open = useMayVote()
  const revealed = useBoard((s) => s.votesRevealed)
  const perItem = useBoard((s) => s.settings.maxVotesPerItem)
  if (!open && !revealed) return null
  return (
    <section className="voting-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="voting-panel__heading">
        {t('voting.heading')}
      </h2>
      {open && <p className="hint">{t('voting.limits', { count: perItem })}</p>}
      {revealed && <p>{t('voting.closed')}</p>}
    </section>
  )
}
