/**
 * A plain-language text with each sentence on its own line, as Leichte Sprache asks. The
 * dictionaries mark the line breaks with `\n`.
 */
export function PlainText({ text, className }: { readonly text: string; readonly className?: string }) {
  const lines = text.split('\n')
  return (
    <p className={className}>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </p>
  )
}
