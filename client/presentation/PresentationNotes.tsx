import { useId } from 'react'
import { pageCount, pageNotes } from '../../model/presentation'
import type { PresentationPage } from '../../model/presentation'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { presentationElementId } from './focusTarget'

/** One page of a zone's notes in large type, each with its cluster's title: what the room reads together in Aufdecken and Clustern. */
export function PresentationNotes({ page }: { readonly page: PresentationPage }) {
  const t = useT()
  const id = useId()
  const zones = useBoard((s) => s.zones)
  const focus = useBoard((s) => s.focus)
  const total = pageCount({ zones }, page.zone)
  const notes = pageNotes({ zones }, page)
  // A page that no longer exists (notes grouped or deleted) shows the zone's last page.
  const shown = notes.length > 0 || total === 0 ? page : { zone: page.zone, page: total - 1 }
  const onPage = shown === page ? notes : pageNotes({ zones }, shown)
  return (
    <section className={`presentation__page presentation__zone--${page.zone}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="presentation__page-title" aria-live="polite">
        {t('present.page', { zone: t(`zone.${page.zone}.title`), n: shown.page + 1, total: Math.max(1, total) })}
      </h2>
      {onPage.length === 0 ? (
        <p className="presentation__empty">{t('present.noNotes')}</p>
      ) : (
        <ul className="presentation__page-notes" aria-label={t('present.pageNotes')}>
          {onPage.map(({ note, cluster }) => {
            const focused = focus?.kind === 'note' && focus.id === note.id
            return (
              <li key={note.id} id={presentationElementId({ kind: 'note', id: note.id })} className={focused ? 'presentation__card presentation--focus' : 'presentation__card'}>
                {cluster && <span className="presentation__card-cluster">{t('present.inCluster', { title: cluster.title || t('cluster.untitled') })}</span>}
                <span className="presentation__card-text">{note.text}</span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
