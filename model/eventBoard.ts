import type * as Y from 'yjs'
import { initBoard } from './board'
import { forumRoundTitle } from './event'
import type { EventPlan } from './event'
import { LOCAL, metaOf } from './schema'
import { ZONE_IDS } from './zones'

/** Writes a forum round's board: the forum (and round) as title, the event as topic, its date and questions. */
export function initForumRound(doc: Y.Doc, plan: EventPlan, forum: number, round: number, createdAt: number): void {
  initBoard(doc, { title: forumRoundTitle(plan, forum, round), topic: plan.title, locale: plan.locale, createdAt })
  const questions = plan.forums[forum]?.questions ?? {}
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('date', plan.date)
    for (const zone of ZONE_IDS) {
      const question = questions[zone]
      if (question !== undefined) meta.set(`question.${zone}`, question)
    }
  }, LOCAL)
}
