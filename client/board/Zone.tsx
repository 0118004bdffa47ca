import { useId } from 'react'
import type { ClusterView, NoteView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { ClusterItem } from '../clusters/ClusterItem'
import { zoneDropHandlers } from '../clusters/drag'
import { useT } from '../i18n/index'
import { ZoneQuestion } from '../moderation/ZoneQuestion'
import { useBoard } from '../store/board'
import { useMayCluster, useReadOnly } from '../store/permissions'
import { usePrivate } from '../store/private'
import { toggleZone, useZoneView } from '../store/zoneView'
import { sortByTally } from '../voting/sortByTally'
import { NoteComposer } from './NoteComposer'
import { DraftItem, NoteItem } from './NoteItem'
import { ZONE_KEYS_HINT_ID } from './ZoneKeysHint'

type Entry = { readonly id: string; readonly kind: 'cluster'; readonly cluster: ClusterView } | { readonly id: string; readonly kind: 'note'; readonly note: NoteView }

/**
 * One zone: its title and question (in plain language when chosen), my hidden drafts, the count of the others' drafts, its
 * clusters and loose notes, and a box to add a note.
 */
export function Zone({ zone }: { readonly zone: ZoneId }) {
  const t = useT()
  const id = useId()
  const view = useBoard((s) => s.zones[zone])
  const drafts = usePrivate((s) => s.drafts[zone])
  const collecting = useBoard((s) => s.phase === 'sammeln')
  const allDrafts = useBoard((s) => s.progress.drafts[zone])
  const revealed = useBoard((s) => s.votesRevealed)
  const tally = useBoard((s) => s.tally)
  const readOnly = useReadOnly()
  const clustering = useMayCluster()
  const folded = useZoneView((s) => s.folded[zone] === true)
  const title = t(`zone.${zone}.title`)
  const hidden = collecting ? Math.max(0, allDrafts - drafts.length) : 0

  let entries: Entry[] = [
    ...view.clusters.map((cluster): Entry => ({ id: cluster.id, kind: 'cluster', cluster })),
    ...view.loose.map((note): Entry => ({ id: note.id, kind: 'note', note })),
  ]
  if (revealed) entries = sortByTally(entries, tally)

  return (
    <section
      className={`zone zone--${zone}${folded ? ' zone--folded' : ''}`}
      aria-labelledby={`${id}-title`}
      {...(clustering ? zoneDropHandlers(t, zone) : null)}
    >
      <div className="zone__head">
        <h2 id={`${id}-title`} className="zone__title">
          <button type="button" className="zone__toggle" aria-expanded={!folded} aria-controls={`${id}-body`} onClick={() => toggleZone(zone)}>
            {title}
          </button>
        </h2>
        <span className="zone__count">{t('zone.count', { count: view.notes.length })}</span>
        <ZoneQuestion zone={zone} question={view.question} />
      </div>
      <div id={`${id}-body`} className="zone__body" hidden={folded}>
        {view.notes.length === 0 && drafts.length === 0 ? <p className="zone__empty">{t('zone.empty')}</p> : null}
        {hidden > 0 && <p className="zone__hidden">{t('zone.hiddenDrafts', { count: hidden })}</p>}
        <ul
          className="zone__notes"
          aria-label={t('zone.notes', { zone: title })}
          aria-describedby={clustering && view.notes.length > 0 ? ZONE_KEYS_HINT_ID : undefined}
        >
          {drafts.map((draft) => (
            <DraftItem key={draft.id} draft={draft} />
          ))}
          {entries.map((entry) =>
            entry.kind === 'cluster' ? <ClusterItem key={entry.id} cluster={entry.cluster} /> : <NoteItem key={entry.id} note={entry.note} votable />,
          )}
        </ul>
        {!readOnly && <NoteComposer zone={zone} zoneTitle={title} />}
      </div>
    </section>
  )
}
