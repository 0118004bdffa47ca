import { useId } from 'react'
import type { NoteView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { sortByTally } from '../voting/sortByTally'
import { presentationElementId } from './focusTarget'

/** A focused note, shown where it is (in its cluster or loose in the zone) so the screen can go to it. */
function FocusedNote({ note }: { readonly note: NoteView }) {
  const t = useT()
  return (
    <p id={presentationElementId({ kind: 'note', id: note.id })} className="presentation__note presentation--focus">
      {t('present.focusNote', { text: note.text })}
    </p>
  )
}

/** One zone on the shared screen: its title, how many notes, its clusters' titles (with vote totals once the vote ends). */
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
  const focusedNote = focus?.kind === 'note' ? view.notes.find((n) => n.id === focus.id) : undefined

  return (
    <section className={`presentation__zone presentation__zone--${zone}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="presentation__zone-title">
        {title}
      </h2>
      <p className="presentation__count">{t('present.notes', { count })}</p>
      {clusters.length === 0 ? (
        <p className="presentation__empty">{t('present.noClusters')}</p>
      ) : (
        <ul className="presentation__clusters" aria-label={t('present.clusters', { zone: title })}>
          {clusters.map((cluster) => {
            const total = tally[cluster.id] ?? 0
            const focused = focus?.kind === 'cluster' && focus.id === cluster.id
            return (
              <li key={cluster.id} id={presentationElementId({ kind: 'cluster', id: cluster.id })} className={focused ? 'presentation__cluster presentation--focus' : 'presentation__cluster'}>
                <span className="presentation__cluster-title">{cluster.title || t('present.untitled')}</span>
                {revealed && <span className="presentation__votes">{t('present.votes', { count: total })}</span>}
                {focusedNote?.clusterId === cluster.id && <FocusedNote note={focusedNote} />}
              </li>
            )
          })}
        </ul>
      )}
      {focusedNote && (focusedNote.clusterId === null || !clusters.some((c) => c.id === focusedNote.clusterId)) && <FocusedNote note={focusedNote} />}
    </section>
  )
}
