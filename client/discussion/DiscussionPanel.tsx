import { useEffect, useId, useRef } from 'react'
import type { DiscussionItem } from '../../model/discussion'
import { announce } from '../a11y/announce'
import { AddActionForm } from '../agreements/ActionForm'
import { clusterTitle } from '../clusters/moves'
import { loadFollow } from '../focus/follow'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { useIsModerator, useMayEditActions } from '../store/permissions'
import { useDiscussion } from './useDiscussion'
import './discussion.css'

export function discussionTitle(t: Translate, item: DiscussionItem): string {
  return item.kind === 'cluster' ? clusterTitle(t, item) : item.title
}

/**
 * Besprechen on the board: the item the moderator put up, large, with its notes, the
 * Maßnahmen already linked to it and a form for the next one, linked to it. Those who follow the
 * moderator are taken there when it changes; everyone hears what is discussed now.
 */
export function DiscussionPanel({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const id = useId()
  const { items, current, index } = useDiscussion()
  const editable = useMayEditActions()
  const section = useFollowDiscussion(boardId, current)
  const linked = useBoard((s) => s.actions).filter((a) => current && a.link === current.id)
  if (!current) return null
  const title = discussionTitle(t, current)
  return (
    <section ref={section} className="discussion" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="discussion__where">
        {t('discussion.heading', { n: index + 1, total: items.length })}
      </h2>
      <p className="discussion__title">{title}</p>
      <p className="discussion__meta">
        {t(`zone.${current.zone}.title`)} · {t('vote.total', { count: current.votes })}
      </p>
      {current.kind === 'cluster' && (
        <ul className="discussion__notes" aria-label={t('discussion.notes', { title })}>
          {current.notes.map((note) => (
            <li key={note.id}>{note.text}</li>
          ))}
        </ul>
      )}
      {linked.length > 0 && (
        <ul className="discussion__actions" aria-label={t('discussion.actions')}>
          {linked.map((a) => (
            <li key={a.id}>{a.what}</li>
          ))}
        </ul>
      )}
      {editable && <AddActionForm key={current.id} link={current.id} />}
    </section>
  )
}

/** Brings followers to the item when the moderator moves on, and says what it is (not on first load, not to the moderator's own screen twice). */
function useFollowDiscussion(boardId: string, current: DiscussionItem | null) {
  const t = useT()
  const moderator = useIsModerator()
  const section = useRef<HTMLElement>(null)
  const last = useRef<string | null | undefined>(undefined)
  const key = current?.id ?? null
  useEffect(() => {
    const before = last.current
    last.current = key
    if (!current || key === before) return
    if (before !== undefined) announce(t('discussion.announce', { title: discussionTitle(t, current) }))
    if (!moderator && loadFollow(boardId)) section.current?.scrollIntoView({ block: 'start' })
  }, [key, current, moderator, boardId, t])
  return section
}
