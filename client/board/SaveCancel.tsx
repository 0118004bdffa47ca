import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'

interface Props {
  readonly onSave: () => void
  readonly onCancel: () => void
  /** The words on the buttons (the note's and the Maßnahme's editor say the same today). */
  readonly labels: readonly [save: MessageKey, cancel: MessageKey]
}

/** The two buttons under an inline editor (a note, a Maßnahme). */
export function SaveCancel({ onSave, onCancel, labels: [save, cancel] }: Props) {
  const t = useT()
  return (
    <div className="note__actions">
      <button type="button" className="button button--small button--primary" onClick={onSave}>
        {t(save)}
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        {t(cancel)}
      </button>
    </div>
  )
}
