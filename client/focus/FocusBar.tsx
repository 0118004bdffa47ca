import { useEffect, useId, useRef, useState } from 'react'
import type { Focus } from '../../model/focus'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { highlight } from '../store/moderation'
import { useIsModerator } from '../store/permissions'
import { focusElementId, focusText, loadFollow, saveFollow, scrollToFocus } from './follow'

function describe(t: Translate, focus: Focus, text: string | null): string {
  if (text === null) return t('focus.unknown')
  if (text === '' && focus.kind === 'cluster') return t('cluster.untitled')
  return text
}

/**
 * Participants may follow the moderator's highlight: the page scrolls to it and says what it is.
 * The moderator sees what is highlighted and can clear it.
 */
export function FocusBar({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const moderator = useIsModerator()
  const focus = useBoard((s) => s.focus)
  const text = useBoard((s) => focusText(s, s.focus))
  const hintId = useId()
  const [following, setFollowing] = useState(() => loadFollow(boardId))
  const label = focus ? describe(t, focus, text) : null

  const lastKey = useRef<string | null>(focus ? focusElementId(focus) : null)
  const key = focus ? focusElementId(focus) : null
  useEffect(() => {
    const before = lastKey.current
    lastKey.current = key
    if (moderator || !following || !focus || key === before) return
    scrollToFocus(focus)
    if (label !== null) announce(t('focus.announce', { text: label }))
    // Only a new focus moves the page (key === before), not an edit of the focused note's text.
  }, [key, focus, label, moderator, following, t])

  function toggle() {
    const next = !following
    setFollowing(next)
    saveFollow(boardId, next)
    if (next && focus) scrollToFocus(focus)
  }

  if (moderator && !focus) return null
  return (
    <div className="focus-bar">
      {!moderator && (
        <button type="button" className="button button--small" aria-pressed={following} aria-describedby={hintId} onClick={toggle}>
          {t('focus.follow')}
        </button>
      )}
      {!moderator && (
        <span id={hintId} className="hint">
          {t('focus.followHint')}
        </span>
      )}
      {label !== null && <span className="focus-bar__current">{t('focus.current', { text: label })}</span>}
      {moderator && focus && (
        <button type="button" className="button button--small" onClick={() => highlight(null)}>
          {t('focus.clear')}
        </button>
      )}
    </div>
  )
}
