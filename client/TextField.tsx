interface Props {
  /** The input's id; `<id>-hint` is the hint's. */
  readonly id: string
  readonly label: string
  readonly hint: string
  readonly value: string
  readonly maxLength: number
  readonly onChange: (value: string) => void
  readonly autoComplete?: string
  readonly autoFocus?: boolean
}

/** A labelled one-line text field with a hint under it that describes it. */
export function TextField({ id, label, hint, value, maxLength, onChange, autoComplete, autoFocus }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        value={value}
        maxLength={maxLength}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  )
}
