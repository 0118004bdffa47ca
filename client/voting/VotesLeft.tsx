import { useRef } from 'react'
import { usePinnedHeight } from '../board/usePinnedHeight'
import type { PinnedHeights } from '../board/usePinnedHeight'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useMayVote } from '../store/permissions'
import { usePrivate } from '../store/private'
import './voting.css'

/** On a phone the strip is fixed at the window's bottom (moderation.css); a selection bar stacks on it. */
const pinned: PinnedHeights = (height, position) => ({ '--votes-left': position === 'fixed' ? height : 0 })

/** My votes left, in the bar that stays in view while the vote is open. */
export function VotesLeft() {
  const open = useMayVote()
  return open ? <VotesLeftStrip /> : null
}

function VotesLeftStrip() {
  const t = useT()
  const perPerson = useBoard((s) => s.settings.votesPerPerson)
  const used = usePrivate((s) => s.votesUsed)
  const strip = useRef<HTMLParagraphElement>(null)
  usePinnedHeight(strip, pinned)
  return (
    <p ref={strip} className="votes-left">
      {t('voting.left', { left: Math.max(0, perPerson - used), count: perPerson })}
    </p>
  )
}
