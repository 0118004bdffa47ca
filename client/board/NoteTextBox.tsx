import type { KeyboardEvent, Ref } from 'react'
import { LIMITS } from '../../model/limits'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'

interface Props {
  /** Prefix of the ids: `-text` the box, `-hint` and `-error` what describes it. */
  readonly id: string
  readonly label: string
  readonly labelClassName: string
  readonly className: string
  readonly rows: number
  readonly text: string
  readonly onText: (text: string) => void
  /** Enter: add or save. Shift+Enter starts a new line. */
  readonly onEnter: () => void
  readonly onEscape?: () => void
  readonly hint: MessageKey
  readonly error: MessageKey | null
  readonly boxRef?: Ref<HTMLTextAreaElement>
}

/** The text box of a note (adding one, editing one), with its hint and the model's refusal. */
export function NoteTextBox({ id, label, labelClassName, className, rows, text, onText, onEnter, onEscape, hint, error, boxRef }: Props) {
  const t = useT()

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault()
      onEscape()
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // isComposing: Enter that confirms an IME composition must not add or save the note.
      event.preventDefault()
      onEnter()
    }
  }

  return (
    <>
      <label htmlFor={`${id}-text`} className={labelClassName}>
        {label}
      </label>
      <textarea
        ref={boxRef}
        id={`${id}-text`}
        className={className}
        rows={rows}
        value={text}
        maxLength={LIMITS.noteLength}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="hint">
        {t(hint)}
      </p>
      {error && (
        <p id={`${id}-error`} className="error">
          {t(error, { max: LIMITS.noteLength })}
        </p>
      )}
    </>
  )
}
