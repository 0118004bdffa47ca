import { useId } from 'react'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { endVote, reopenVote } from '../store/moderation'
import { useIsModerator, useMayVote } from '../store/permissions'
import { usePrivate } from '../store/private'

/** My votes left, and for the moderator: end or reopen the vote. */
export function VotingPanel() {
  const t = useT()
  const id = useId()
  const open = useMayVote()
  const moderator = useIsModerator()
  const revealed = useBoard((s) => s.votesRevealed)
  const perPerson = useBoard((s) => s.settings.votesPerPerson)
  const perItem = useBoard((s) => s.settings.maxVotesPerItem)
  const used = usePrivate((s) => s.votesUsed)
  return (
    <section className="voting-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="voting-panel__heading">
        {t('voting.heading')}
      </h2>
      {open && (
        <>
          <p className="voting-panel__left">{t('voting.left', { left: Math.max(0, perPerson - used), count: perPerson })}</p>
          <p className="hint">{t('voting.limits', { count: perItem })}</p>
        </>
      )}
      {revealed && <p>{t('voting.closed')}</p>}
      {moderator &&
        (revealed ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              if (reopenVote().ok) announce(t('voting.reopen'))
            }}
          >
            {t('voting.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              if (endVote().ok) announce(t('voting.closed'))
            }}
          >
            {t('voting.end')}
          </button>
        ))}
    </section>
  )
}
