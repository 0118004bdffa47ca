import type * as Y from 'yjs'
import { LIMITS } from './limits'
import { isValidSetting } from './settings'
import { LOCAL, SCHEMA_VERSION, declareRoots, metaOf } from './schema'
import type { NewBoard } from './schema'
import type { ZoneId } from './zones'

function clip(text: string | undefined, max: number): string {
  return (text ?? '').trim().slice(0, max)
}

/** Writes the initial meta of a new board into an empty doc. */
export function initBoard(doc: Y.Doc, input: NewBoard): void {
  declareRoots(doc)
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('v', SCHEMA_VERSION)
    meta.set('title', clip(input.title, LIMITS.titleLength))
    meta.set('topic', clip(input.topic, LIMITS.titleLength))
    meta.set('locale', input.locale ?? 'de')
    meta.set('createdAt', input.createdAt ?? Date.now())
    meta.set('phase', 'sammeln')
    for (const [name, value] of Object.entries(input.settings ?? {})) {
      if (!isValidSetting(name, value)) throw new RangeError(`invalid setting ${name}`)
      meta.set(`setting.${name}`, value)
    }
  }, LOCAL)
}

/** Sets the board title (moderator only, see rules). */
export function setTitle(doc: Y.Doc, title: string): void {
  doc.transact(() => metaOf(doc).set('title', clip(title, LIMITS.titleLength)), LOCAL)
}

/** Sets a zone's question; an empty text restores the default question. */
export function setQuestion(doc: Y.Doc, zone: ZoneId, question: string): void {
  const text = clip(question, LIMITS.questionLength)
  doc.transact(() => {
    if (text === '') metaOf(doc).delete(`question.${zone}`)
    else metaOf(doc).set(`question.${zone}`, text)
  }, LOCAL)
}

/** Sets the board topic (moderator only). */
export function setTopic(doc: Y.Doc, topic: string): void {
  doc.transact(() => metaOf(doc).set('topic', clip(topic, LIMITS.titleLength)), LOCAL)
}
