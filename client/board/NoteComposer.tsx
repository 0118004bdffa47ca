import { useId, useState } from 'react'
import type { FormEvent, KeyboardEvent } from 'react'
import { LIMITS } from '../../model/limits'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { addNote } from '../store/notes'
import { errorKey } from './errors'

interface Props {
  readonly zone: ZoneId
  readonly zoneTitle: string
}

/** The textbox that adds a note to a zone: Enter adds, Shift+Enter starts a new line. */
export function NoteComposer({ zone, zoneTitle }: Props) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<ReturnType<typeof errorKey> | null>(null)

  function submit() {
    const result = addNote(zone, text)
    if (result.ok) {
      setText('')
      setError(null)
    } else setError(errorKey(result.code))
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // isComposing: Enter that confirms an IME composition must not add the note.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      submit()
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    submit()
  }

  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`
  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={`${id}-text`} className="composer__label">
        {t('composer.label', { zone: zoneTitle })}
      </label>
      <textarea
        id={`${id}-text`}
        className="composer__text"
        rows={2}
        value={text}
        maxLength={LIMITS.noteLength}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value)
          if (error) setError(null)
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="hint">
        {t('composer.hint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="error">
          {t(error, { max: LIMITS.noteLength })}
        </p>
      )}
      <button type="submit" className="button composer__add">
        {t('composer.add')}
      </button>
    </form>
  )
}
