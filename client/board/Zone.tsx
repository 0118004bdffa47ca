import { useId } from 'react'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { NoteComposer } from './NoteComposer'
import { NoteItem } from './NoteItem'

/** One zone: its title and question, its notes, and a box to add one. */
export function Zone({ zone }: { readonly zone: ZoneId }) {
  const t = useT()
  const id = useId()
  const view = useBoard((s) => s.zones[zone])
  const title = t(`zone.${zone}.title`)
  return (
    <section className={`zone zone--${zone}`} aria-labelledby={`${id}-title`}>
      <div className="zone__head">
        <h2 id={`${id}-title`} className="zone__title">
          {title}
        </h2>
        <p className="zone__question">{view.question ?? t(`zone.${zone}.question`)}</p>
      </div>
      {view.notes.length === 0 ? (
        <p className="zone__empty">{t('zone.empty')}</p>
      ) : null}
      <ul className="zone__notes" aria-label={t('zone.notes', { zone: title })}>
        {view.notes.map((note) => (
          <NoteItem key={note.id} note={note} />
        ))}
      </ul>
      <NoteComposer zone={zone} zoneTitle={title} />
    </section>
  )
}
