interface Props {
  readonly noteId: string
  readonly text: string
}

/** A note's text; line breaks show as written (white-space: pre-wrap in the CSS). */
export function NoteText({ noteId, text }: Props) {
  return (
    <p id={`note-${noteId}-text`} className="note__text">
      {text}
    </p>
  )
}
