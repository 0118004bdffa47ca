import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { addNote } from '../store/notes'
import { errorKey } from './errors'
import { NoteTextBox } from './NoteTextBox'

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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    submit()
  }

  return (
    <form className="composer" onSubmit={onSubmit}>
      <NoteTextBox
        id={id}
        label={t('composer.label', { zone: zoneTitle })}
        labelClassName="composer__label"
        className="composer__text"
        rows={2}
        text={text}
        onText={(value) => {
          setText(value)
          if (error) setError(null)
        }}
        onEnter={submit}
        hint="composer.hint"
        error={error}
      />
      <button type="submit" className="button composer__add">
        {t('composer.add')}
      </button>
    </form>
  )
}
