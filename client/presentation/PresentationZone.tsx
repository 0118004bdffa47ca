import { useId } from 'react'
import type { NoteView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { sortByTally } from '../voting/sortByTally'
import { presentationElementId } from './focusTarget'

/** Entries per zone in the overview: with the balloon, the three zones fit side by side at 1280×720. */
const OVERVIEW_ENTRIES = 5

interface Entry {
  readonly id: string
  readonly kind: 'cluster' | 'note'
  readonly text: string
  readonly notes: number
  readonly votes: number | null
}

/** A highlighted note inside its cluster's entry (or below the list when its entry is not shown), so the screen can go to it. */
function FocusedNote({ note }: { readonly note: NoteView }) {
  const t = useT()
  return (
    <p id={presentationElementId({ kind: 'note', id: note.id })} className="presentation__note presentation--focus">
      {t('present.focusNote', { text: note.text })}
    </p>
  )
}

/** One zone in the overview: its title, how many notes, its clusters (with vote totals once the vote ends), then its loose notes, the first few. */
export function PresentationZone({ zone }: { readonly zone: ZoneId }) {
  const t = useT()
  const id = useId()
  const view = useBoard((s) => s.zones[zone])
  const drafts = useBoard((s) => s.progress.drafts[zone])
  const revealed = useBoard((s) => s.votesRevealed)
  const tally = useBoard((s) => s.tally)
  const focus = useBoard((s) => s.focus)
  const title = t(`zone.${zone}.title`)
  // Hidden drafts count too, so the screen shows the collecting going on.
  const count = view.notes.length + drafts
  const clusters = revealed ? sortByTally(view.clusters, tally) : view.clusters
  const entries: Entry[] = [
    ...clusters.map((c) => ({ id: c.id, kind: 'cluster' as const, text: c.title || t('cluster.untitled'), notes: c.notes.length, votes: revealed ? (tally[c.id] ?? 0) : null })),
    ...view.loose.map((n) => ({ id: n.id, kind: 'note' as const, text: n.text, notes: 1, votes: revealed ? (tally[n.id] ?? 0) : null })),
  ]
  const shown = entries.slice(0, OVERVIEW_ENTRIES)
  const more = entries.length - shown.length
  const focusedNote = focus?.kind === 'note' ? view.notes.find((n) => n.id === focus.id) : undefined
  const noteShown = focusedNote !== undefined && shown.some((e) => e.id === focusedNote.id || e.id === focusedNote.clusterId)

  return (
    <section className={`presentation__zone presentation__zone--${zone}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="presentation__zone-title">
        {title}
      </h2>
      <p className="presentation__count">{t('present.notes', { count })}</p>
      {shown.length > 0 && (
        <ul className="presentation__clusters" aria-label={t('present.entries', { zone: title })}>
          {shown.map((entry) => {
            const focused = focus?.kind === entry.kind && focus.id === entry.id
            return (
              <li key={entry.id} id={presentationElementId({ kind: entry.kind, id: entry.id })} className={`presentation__entry presentation__entry--${entry.kind}${focused ? ' presentation--focus' : ''}`}>
                <span className="presentation__entry-text">{entry.text}</span>
                {entry.kind === 'cluster' && <span className="presentation__entry-count">{t('present.notes', { count: entry.notes })}</span>}
                {entry.votes !== null && <span className="presentation__votes">{t('present.votes', { count: entry.votes })}</span>}
                {entry.kind === 'cluster' && focusedNote?.clusterId === entry.id && <FocusedNote note={focusedNote} />}
              </li>
            )
          })}
        </ul>
      )}
      {focusedNote && !noteShown && <FocusedNote note={focusedNote} />}
      {more > 0 && <p className="presentation__more">{t('present.more', { count: more })}</p>}
    </section>
  )
}
