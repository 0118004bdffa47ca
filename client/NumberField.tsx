/**
 * A whole number typed into a text field with a numeric keypad (vote limits, timer minutes).
 * Number inputs were unreliable to operate and to test (docs/decisions.md), and a field that
 * applies on Enter or on leaving never sets 1 on the way to 15.
 */
interface Props {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly invalid: boolean
  /** The id of the hint or error that explains the range. */
  readonly describedBy?: string | undefined
  readonly onChange: (text: string) => void
  /** Applies the value on Enter and when the field is left; without it, Enter submits the form. */
  readonly onCommit?: () => void
}

export function NumberField({ id, label, value, invalid, describedBy, onChange, onCommit }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        size={3}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onCommit}
        onKeyDown={
          onCommit &&
          ((e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              onCommit()
            }
          })
        }
      />
    </>
  )
}

/** The whole number in `text` (spaces around it allowed) if it lies in [min, max], else null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}
