import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../i18n/index'
import { editNote } from '../store/notes'
import { errorKey } from './errors'
import { NoteTextBox } from './NoteTextBox'
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

  return (
    <div className="note-editor">
      <NoteTextBox
        id={id}
        label={t('note.editor')}
        labelClassName="visually-hidden"
        className="note-editor__text"
        rows={3}
        text={text}
        onText={setText}
        onEnter={save}
        onEscape={onDone}
        hint="note.editorHint"
        error={error}
        boxRef={box}
      />
      <SaveCancel onSave={save} onCancel={onDone} labels={['note.save', 'note.cancel']} />
    </div>
  )
}
