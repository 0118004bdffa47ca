import { ZONE_IDS } from '../../model/zones'
import { announce } from '../a11y/announce'
import { findNote, moveNoteStep, moveNoteToZone, shorten, stepTarget, uncluster } from '../clusters/moves'
import type { Translate } from '../i18n/index'
import type { MenuItem } from '../MenuList'
import { useBoard } from '../store/board'
import { markQuote } from '../store/minutes'
import { highlight } from '../store/moderation'
import { deleteNote } from '../store/notes'

/** What this person may do with the note, and how it starts editing (the editor lives in its component). */
export interface NoteActionContext {
  readonly noteId: string
  readonly text: string
  readonly mayEdit: boolean
  readonly mayCluster: boolean
  readonly moderator: boolean
  readonly highlighted: boolean
  /** Marked "Zitat" for the report (only the moderator sees and changes the mark). */
  readonly quoted?: boolean
  readonly onEdit: () => void
}

/** An action of the note's "…" menu: when it is offered, and what it does. */
interface NoteAction {
  readonly key: string
  readonly offered: (c: NoteActionContext) => boolean
  readonly items: (t: Translate, c: NoteActionContext) => MenuItem[]
}

const one = (key: string, label: string, run: MenuItem['run']): MenuItem[] => [{ key, label, run }]

const NOTE_ACTIONS: readonly NoteAction[] = [
  {
    key: 'edit',
    offered: (c) => c.mayEdit,
    items: (t, c) =>
      one('edit', t('note.edit'), () => {
        c.onEdit()
        return true
      }),
  },
  {
    key: 'delete',
    offered: (c) => c.mayEdit,
    items: (t, c) =>
      one('delete', t('note.delete'), () => {
        // The note and its menu disappear: the keyboard goes on in the zone's note box.
        const box = document.getElementById(`note-${c.noteId}`)?.closest('section')?.querySelector('textarea')
        if (!deleteNote(c.noteId).ok) return false
        box?.focus()
        return true
      }),
  },
  { key: 'cluster', offered: (c) => c.mayCluster, items: (t) => one('cluster', t('move.toCluster'), () => 'submenu') },
  {
    key: 'place',
    offered: (c) => c.mayCluster,
    items: (t, c) => {
      const place = findNote(useBoard.getState(), c.noteId)
      if (!place) return []
      const items: MenuItem[] = []
      if (place.cluster) items.push({ key: 'out', label: t('move.uncluster'), run: () => uncluster(t, c.noteId) })
      if (stepTarget(place, -1) !== undefined) items.push({ key: 'up', label: t('move.up'), run: () => moveNoteStep(t, c.noteId, -1) })
      if (stepTarget(place, 1) !== undefined) items.push({ key: 'down', label: t('move.down'), run: () => moveNoteStep(t, c.noteId, 1) })
      for (const zone of ZONE_IDS)
        if (zone !== place.zone.id)
          items.push({ key: `zone-${zone}`, label: t('move.toZone', { zone: t(`zone.${zone}.title`) }), run: () => moveNoteToZone(t, c.noteId, zone) })
      return items
    },
  },
  {
    key: 'highlight',
    offered: (c) => c.moderator,
    items: (t, c) => [
      {
        key: 'highlight',
        label: t('focus.button'),
        checked: c.highlighted,
        run: () => {
          const text = shorten(c.text)
          if (highlight(c.highlighted ? null : { kind: 'note', id: c.noteId }).ok)
            announce(c.highlighted ? t('announce.unhighlighted') : t('announce.highlighted', { text }))
          return false
        },
      },
    ],
  },
  {
    key: 'quote',
    offered: (c) => c.moderator && c.quoted !== undefined,
    items: (t, c) => [
      {
        key: 'quote',
        label: t('quote.mark'),
        checked: c.quoted === true,
        run: () => {
          const text = shorten(c.text)
          if (markQuote(c.noteId, !c.quoted).ok) announce(c.quoted ? t('quote.unmarked', { text }) : t('quote.marked', { text }))
          return false
        },
      },
    ],
  },
]

/** The items of a note's "…" menu, in a fixed order; empty when this person may do nothing with it. */
export function noteMenuItems(t: Translate, context: NoteActionContext): MenuItem[] {
  return NOTE_ACTIONS.filter((a) => a.offered(context)).flatMap((a) => a.items(t, context))
}
