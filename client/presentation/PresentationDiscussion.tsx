import { useEffect, useId, useRef } from 'react'
import { discussionTitle } from '../discussion/DiscussionPanel'
import { useDiscussion } from '../discussion/useDiscussion'
import { useT } from '../i18n/index'

/** Besprechen on the shared screen: the item under discussion in large type with all its notes; the screen goes to it when the moderator moves on. */
export function PresentationDiscussion() {
  const t = useT()
  const id = useId()
  const { items, current, index } = useDiscussion()
  const section = useRef<HTMLElement>(null)
  const key = current?.id ?? null
  useEffect(() => {
    if (key) section.current?.scrollIntoView({ block: 'start' })
  }, [key])
  if (!current) return null
  const title = discussionTitle(t, current)
  return (
    <section ref={section} className="presentation__discussion" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="presentation__discussion-where">
        {t('discussion.heading', { n: index + 1, total: items.length })}
      </h2>
      <p className="presentation__discussion-title" aria-live="polite">
        {title}
      </p>
      <p className="presentation__discussion-meta">
        {t(`zone.${current.zone}.title`)} · {t('vote.total', { count: current.votes })}
      </p>
      {current.kind === 'cluster' && (
        <ul className="presentation__discussion-notes" aria-label={t('discussion.notes', { title })}>
          {current.notes.map((note) => (
            <li key={note.id}>{note.text}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
