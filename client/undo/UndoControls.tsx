import { useEffect } from 'react'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { redoLast, undoLast, useUndo } from '../store/undo'
import './undo.css'

/** Text fields keep the browser's own undo of what is being typed. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'checkbox')
}

/** Which of the two a key press asks for: Strg+Z, Strg+Umschalt+Z or Strg+Y (⌘ on a Mac). */
export function undoKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  const key = event.key.toLowerCase()
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && !event.shiftKey) return 'redo'
  return null
}

/**
 * Rückgängig and Wiederholen for one's own changes (model/undo.ts says what they cover), as two
 * buttons and as Strg+Z / Strg+Umschalt+Z anywhere on the board outside a text field. Each step is
 * said to screen readers.
 */
export function UndoControls() {
  const t = useT()
  const canUndo = useUndo((s) => s.canUndo)
  const canRedo = useUndo((s) => s.canRedo)
  const doUndo = () => announce(t(undoLast() ? 'undo.done' : 'undo.nothing'))
  const doRedo = () => announce(t(redoLast() ? 'undo.redone' : 'undo.nothingToRedo'))

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const wanted = undoKey(event)
      if (!wanted || typingIn(event.target)) return
      event.preventDefault()
      announce(t(wanted === 'undo' ? (undoLast() ? 'undo.done' : 'undo.nothing') : redoLast() ? 'undo.redone' : 'undo.nothingToRedo'))
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [t])

  return (
    <div className="undo" role="group" aria-label={t('undo.group')}>
      <button type="button" className="button" onClick={doUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z">
        <span aria-hidden="true">↶ </span>
        {t('undo.undo')}
      </button>
      <button type="button" className="button" onClick={doRedo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z">
        <span aria-hidden="true">↷ </span>
        {t('undo.redo')}
      </button>
    </div>
  )
}
