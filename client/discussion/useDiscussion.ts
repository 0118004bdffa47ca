import { useMemo } from 'react'
import { discussionItems } from '../../model/discussion'
import type { DiscussionItem } from '../../model/discussion'
import { useBoard } from '../store/board'

export interface DiscussionState {
  readonly items: readonly DiscussionItem[]
  /** The item under discussion, while in Maßnahmen; null otherwise. */
  readonly current: DiscussionItem | null
  readonly index: number
}

/** Besprechen as this screen sees it: the items in order and the one the moderator put up. */
export function useDiscussion(): DiscussionState {
  const zones = useBoard((s) => s.zones)
  const tally = useBoard((s) => s.tally)
  const id = useBoard((s) => (s.phase === 'massnahmen' ? s.discussion : null))
  const items = useMemo(() => discussionItems({ zones, tally }), [zones, tally])
  const index = items.findIndex((item) => item.id === id)
  return { items, current: items[index] ?? null, index }
}
