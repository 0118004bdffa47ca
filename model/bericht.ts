import * as Y from 'yjs'
import { LIMITS } from './limits'
import { LOCAL, berichtOf } from './schema'
import { ZONE_IDS } from './zones'
import type { ZoneId } from './zones'

/**
 * The Bericht: the report's running text as the moderator edits it on the Ergebnis page. One
 * collaborative text per part (introduction, one paragraph per zone, the actions, the Fazit), in
 * the `bericht` root as entries `{ text: Y.Text }` keyed by the part. A part not there yet reads
 * as the generated draft (model/export/prose/). Only the moderator writes it (model/rules.ts).
 */
export const BERICHT_PARTS = ['intro', ...ZONE_IDS, 'actions', 'fazit'] as const
export type BerichtPart = 'intro' | ZoneId | 'actions' | 'fazit'

/** The edited text per part; a part missing here is not edited (the draft is shown). */
export type Bericht = Readonly<Partial<Record<BerichtPart, string>>>

export function isBerichtPart(value: unknown): value is BerichtPart {
  return typeof value === 'string' && (BERICHT_PARTS as readonly string[]).includes(value)
}

function partText(doc: Y.Doc, part: BerichtPart): Y.Text | null {
  const entry = berichtOf(doc).get(part)
  const text = entry instanceof Y.Map ? entry.get('text') : undefined
  return text instanceof Y.Text ? text : null
}

/** Reads the edited parts; what is not a well-formed entry reads as not edited. */
export function readBericht(doc: Y.Doc): Bericht {
  const out: Partial<Record<BerichtPart, string>> = {}
  for (const part of BERICHT_PARTS) {
    const text = partText(doc, part)
    if (text) out[part] = text.toString()
  }
  return out
}

function checkLength(text: string): void {
  if (text.length > LIMITS.berichtPartLength) throw new RangeError('bericht part too long')
}

function newPart(text: string): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  entry.set('text', new Y.Text(text))
  return entry
}

/**
 * Starts the Bericht from the draft: each part not yet there gets its own text, filled with the
 * draft's paragraph. Parts another moderator started meanwhile are kept.
 */
export function startBericht(doc: Y.Doc, draft: Readonly<Record<BerichtPart, string>>): void {
  const root = berichtOf(doc)
  doc.transact(() => {
    for (const part of BERICHT_PARTS) {
      if (partText(doc, part)) continue
      root.set(part, newPart(draft[part].slice(0, LIMITS.berichtPartLength)))
    }
  }, LOCAL)
}

/**
 * Changes a part's text to `next` by the smallest edit (keeps what others type elsewhere in the
 * same part); a part not started yet is created.
 */
export function editBerichtPart(doc: Y.Doc, part: BerichtPart, next: string): void {
  checkLength(next)
  const text = partText(doc, part)
  if (!text) {
    doc.transact(() => berichtOf(doc).set(part, newPart(next)), LOCAL)
    return
  }
  const before = text.toString()
  if (before === next) return
  let start = 0
  while (start < before.length && start < next.length && before[start] === next[start]) start++
  let end = 0
  while (end < before.length - start && end < next.length - start && before[before.length - 1 - end] === next[next.length - 1 - end]) end++
  doc.transact(() => {
    const removed = before.length - start - end
    if (removed > 0) text.delete(start, removed)
    const inserted = next.slice(start, next.length - end)
    if (inserted !== '') text.insert(start, inserted)
  }, LOCAL)
}

/**
 * "Absatz neu erzeugen": the part becomes a new text holding `draft`, whatever anyone typed in
 * it. A replacement, not an edit, so the guard can leave it to the moderator (model/rules.ts).
 */
export function regenerateBerichtPart(doc: Y.Doc, part: BerichtPart, draft: string): void {
  doc.transact(() => berichtOf(doc).set(part, newPart(draft.slice(0, LIMITS.berichtPartLength))), LOCAL)
}
