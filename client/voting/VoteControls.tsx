import { useState } from 'react'
import { announce } from '../a11y/announce'
import { errorKey } from '../board/errors'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { useBoard } from '../store/board'
import { useMayVote } from '../store/permissions'
import { usePrivate } from '../store/private'
import { vote } from '../store/voting'
import './voting.css'

interface Props {
  readonly targetId: string
  /** The item's name in button labels and messages: a cluster title or a note's short text. */
  readonly title: string
}

/** Vote count and +/− while the vote is open; the total once it is revealed. */
export function VoteControls({ targetId, title }: Props) {
  const t = useT()
  const open = useMayVote()
  const revealed = useBoard((s) => s.votesRevealed)
  const total = useBoard((s) => s.tally[targetId] ?? 0)
  const mine = usePrivate((s) => s.ballot[targetId] ?? 0)
  const full = useBoard((s) => s.settings.maxVotesPerItem) <= mine
  const noneLeft = usePrivate((s) => s.votesUsed) >= useBoard((s) => s.settings.votesPerPerson)
  const [error, setError] = useState<MessageKey | null>(null)

  if (revealed) return <VoteTotal total={total} />
  if (!open) return null

  function change(delta: 1 | -1) {
    const result = vote(targetId, delta)
    if (!result.ok) {
      const key = errorKey(result.code)
      setError(key)
      announce(t(key, { max: useBoard.getState().settings.maxVotesPerItem }))
      return
    }
    setError(null)
    const left = useBoard.getState().settings.votesPerPerson - usePrivate.getState().votesUsed
    announce(t(delta > 0 ? 'announce.voted' : 'announce.unvoted', { title, count: left }))
  }

  return (
    <div className="votes">
      <span className="votes__mine">{t('vote.mine', { count: mine })}</span>
      <button type="button" className="button button--small votes__button" aria-label={t('vote.takeLabel', { title })} disabled={mine === 0} onClick={() => change(-1)}>
        −
      </button>
      <button type="button" className="button button--small votes__button" aria-label={t('vote.giveLabel', { title })} disabled={full || noneLeft} onClick={() => change(1)}>
        +
      </button>
      {error && <p className="error votes__error">{t(error, { max: useBoard.getState().settings.maxVotesPerItem })}</p>}
    </div>
  )
}

export function VoteTotal({ total }: { readonly total: number }) {
  const t = useT()
  return <p className="votes__total">{t('vote.total', { count: total })}</p>
}
