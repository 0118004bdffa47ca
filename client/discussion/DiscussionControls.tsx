import { stepDiscussion } from '../../model/discussion'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { discuss } from '../store/moderation'
import { useDiscussion } from './useDiscussion'

/** The moderator's Besprechen steps in the bar (Maßnahmen): start, previous, next, end. */
export function DiscussionControls() {
  const t = useT()
  const phase = useBoard((s) => s.phase)
  const { items, current, index } = useDiscussion()
  if (phase !== 'massnahmen' || items.length === 0) return null
  const go = (id: string | null) => {
    if (!discuss(id).ok) announce(t('discussion.failed'))
  }
  if (!current)
    return (
      <button type="button" className="button button--primary" onClick={() => go(stepDiscussion(items, null, 1))}>
        {t('discussion.start', { count: items.length })}
      </button>
    )
  return (
    <div className="discussion-controls" role="group" aria-label={t('discussion.controls')}>
      <span className="discussion-controls__where">{t('discussion.position', { n: index + 1, total: items.length })}</span>
      <button type="button" className="button button--small" disabled={index === 0} onClick={() => go(stepDiscussion(items, current.id, -1))}>
        {t('discussion.previous')}
      </button>
      <button type="button" className="button button--small button--primary" disabled={index === items.length - 1} onClick={() => go(stepDiscussion(items, current.id, 1))}>
        {t('discussion.next')}
      </button>
      <button type="button" className="button button--small" onClick={() => go(null)}>
        {t('discussion.end')}
      </button>
    </div>
  )
}
