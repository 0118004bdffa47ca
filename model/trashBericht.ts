import type * as Y from 'yjs'
import { isBerichtPart, readBericht, regenerateBerichtPart } from './bericht'
import type { BerichtPart } from './bericht'
import type { UpdateDescription } from './changes'

/**
 * The Papierkorb's Bericht entries (issue 16): a part's text as it was before a participant's
 * update deleted some of it. Coalesced per part and participant: one entry per run of
 * `BERICHT_RUN_MS` from the run's first deletion, so typing and correcting make few entries
 * (docs/decisions.md).
 */
export interface TrashedBericht {
  readonly kind: 'bericht'
  readonly id: string
  readonly part: BerichtPart
  /** The part's whole text before the run's first deletion. */
  readonly text: string
  readonly deletedAt: number
}

/** How long one run of a participant's deletions in one part lasts: one entry per run. */
export const BERICHT_RUN_MS = 5 * 60 * 1000

/** Parts whose existing text an update changes (a new part has nothing to lose). */
export function editedBerichtParts(description: UpdateDescription): BerichtPart[] {
  const parts = new Set<BerichtPart>()
  for (const w of description.writes) {
    if (w.kind === 'text' && w.root === 'bericht' && !w.isNew && isBerichtPart(w.id)) parts.add(w.id)
  }
  return [...parts]
}

/**
 * Whether text was lost between `before` and `after`: insertions alone keep `before` as a
 * subsequence of `after`, any deletion of a character (not typed again in its place) does not.
 */
export function lostText(before: string, after: string): boolean {
  let i = 0
  for (let j = 0; i < before.length && j < after.length; j++) if (before[i] === after[j]) i++
  return i < before.length
}

/** Whether a deletion at `now` starts a new run (none yet, or the last one began `BERICHT_RUN_MS` ago or more). */
export function startsBerichtRun(runStart: number | undefined, now: number): boolean {
  return runStart === undefined || now - runStart >= BERICHT_RUN_MS
}

/** The entry for a part as the doc holds it now (before the update); null for a part not started or empty. */
export function captureBericht(doc: Y.Doc, part: BerichtPart, id: string, deletedAt: number): TrashedBericht | null {
  const text = readBericht(doc)[part]
  return text ? { kind: 'bericht', id, part, text, deletedAt } : null
}

/** Whether the entry's text was lost from its part since it was kept (false: the part holds it again). */
export function berichtStillLost(doc: Y.Doc, entry: TrashedBericht): boolean {
  return readBericht(doc)[entry.part] !== entry.text
}

/** Puts the kept text back as the part's text, for everyone: a replacement, as only a moderator may make. */
export function restoreBericht(doc: Y.Doc, entry: TrashedBericht): void {
  regenerateBerichtPart(doc, entry.part, entry.text)
}
