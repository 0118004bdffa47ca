import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'

/** What the moderator highlights for everyone (for screen sharing in the call). */
export interface Focus {
  readonly kind: 'note' | 'cluster'
  readonly id: string
}

export function isFocus(value: unknown): value is Focus {
  if (typeof value !== 'object' || value === null) return false
  const f = value as Record<string, unknown>
  return (f.kind === 'note' || f.kind === 'cluster') && typeof f.id === 'string' && f.id.length <= 40 && Object.keys(f).length === 2
}

/** Highlights a note or cluster, or clears the highlight with null. */
export function setFocus(doc: Y.Doc, focus: Focus | null): void {
  doc.transact(() => {
    if (focus) metaOf(doc).set('focus', { kind: focus.kind, id: focus.id })
    else metaOf(doc).delete('focus')
  }, LOCAL)
}
