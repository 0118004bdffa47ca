import { useT } from '../i18n/index'
import { focusText } from '../focus/follow'
import { useBoard } from '../store/board'

/** What the moderator highlights, in words, read out politely when it changes. */
export function PresentationFocus() {
  const t = useT()
  const focus = useBoard((s) => s.focus)
  const text = useBoard((s) => focusText(s, s.focus))
  let line: string
  if (!focus || text === null) line = t('present.focusNone')
  else if (focus.kind === 'note') line = t('present.focusNote', { text })
  else line = t('present.focusCluster', { text: text || t('present.untitled') })
  return (
    <div className="presentation__focus">
      <span className="presentation__focus-label">{t('present.focus')}</span>
      <p className="presentation__focus-text" aria-live="polite">
        {line}
      </p>
    </div>
  )
}
