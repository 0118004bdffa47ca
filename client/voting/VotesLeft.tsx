import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useMayVote } from '../store/permissions'
import { usePrivate } from '../store/private'
import './voting.css'

/** My votes left, in the bar that stays in view while the vote is open. */
export function VotesLeft() {
  const t = useT()
  const open = useMayVote()
  const perPerson = useBoard((s) => s.settings.votesPerPerson)
  const used = usePrivate((s) => s.votesUsed)
  if (!open) return null
  return (
    <p className="votes-left">
      {t('voting.left', { left: Math.max(0, perPerson - used), count: perPerson })}
    </p>
  )
}
