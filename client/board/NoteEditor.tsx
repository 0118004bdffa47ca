import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { LIMITS } from '../../model/limits'
import { useT } from '../i18n/index'
import { editNote } from '../store/notes'
import { errorKey } from './errors'
import { SaveCancel } from './SaveCancel'

interface Props {
  /** A note or one of my drafts. */
  readonly note: { readonly id: string; readonly text: string }
  readonly onDone: () => void
}

/** Inline editing of a note: Enter saves, Shift+Enter starts a new line, Escape cancels. */
export function NoteEditor({ note, onDone }: Props) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState(note.text)
  const [error, setError] = useState<ReturnType<typeof errorKey> | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [])

  function save() {
    const result = editNote(note.id, text)
    if (result.ok) onDone()
    else setError(errorKey(result.code))
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      onDone()
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      save()
    }
  }

  return (
    <div className="note-editor">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t('note.editor')}
      </label>
      <textarea
        ref={box}
        id={`${id}-text`}
        className="note-editor__text"
        rows={3}
        value={text}
        maxLength={LIMITS.noteLength}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="hint">
        {t('note.editorHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="error">
          {t(error, { max: LIMITS.noteLength })}
        </p>
      )}
      <SaveCancel onSave={save} onCancel={onDone} labels={['note.save', 'note.cancel']} />
    </div>
  )
}
