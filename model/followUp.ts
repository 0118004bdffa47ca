import type * as Y from 'yjs'
import { initBoard } from './board'
import { LOCAL, metaOf } from './schema'
import { carryActions } from './review'
import type { CarriedAction } from './review'
import type { BoardView } from './view'
import { ZONE_IDS } from './zones'

/**
 * What a follow-up meeting takes over from the one before: the title, topic, language, the
 * questions and every setting, and the actions still open. Open are the Maßnahmen not marked done
 * and, from the previous meeting's own Rückblick, what was found still running ("läuft") or was
 * not marked at all: they are reviewed again. Erledigt and verworfen end an action's way.
 */
export function openActions(previous: BoardView): (CarriedAction & { readonly id: string })[] {
  const fromReview = previous.review.filter((item) => item.status === null || item.status === 'laeuft')
  const fromActions = previous.actions.filter((action) => !action.done)
  const seen = new Set<string>()
  const out: (CarriedAction & { readonly id: string })[] = []
  for (const { id, what, who, until } of [...fromReview, ...fromActions]) {
    if (seen.has(id)) continue
    seen.add(id)
    out.push({ id, what, who, until })
  }
  return out
}

/** Writes a follow-up board of `previous` into an empty doc; it starts in the Rückblick when actions were carried. */
export function initFollowUp(doc: Y.Doc, previous: BoardView, createdAt = Date.now()): void {
  initBoard(doc, {
    title: previous.title,
    topic: previous.topic,
    locale: previous.locale,
    createdAt,
    settings: { ...previous.settings },
  })
  const carried = openActions(previous)
  carryActions(doc, carried)
  doc.transact(() => {
    const meta = metaOf(doc)
    for (const zone of ZONE_IDS) {
      const question = previous.zones[zone].question
      if (question !== null) meta.set(`question.${zone}`, question)
    }
    if (carried.length > 0) meta.set('phase', 'rueckblick')
  }, LOCAL)
}
