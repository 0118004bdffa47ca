import { useT } from '../i18n/index'
import { focusText } from '../focus/follow'
import { useBoard } from '../store/board'

/** What the moderator highlights, in words, read out politely when it changes; nothing while nothing is highlighted. */
export function PresentationFocus() {
  const t = useT()
  const focus = useBoard((s) => s.focus)
  const text = useBoard((s) => focusText(s, s.focus))
  const line = !focus || text === null ? null : focus.kind === 'note' ? t('present.focusNote', { text }) : t('present.focusCluster', { text: text || t('cluster.untitled') })
  return (
    <div className="presentation__focus" hidden={line === null}>
      <span className="presentation__focus-label">{t('present.focus')}</span>
      <p className="presentation__focus-text" aria-live="polite">
        {line}
      </p>
    </div>
  )
}
