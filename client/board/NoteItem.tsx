import { memo, useEffect, useRef, useState } from 'react'
import type { NoteView } from '../../model/view'
import { mayChangeNote } from '../../model/rules'
import { useT } from '../i18n/index'
import { deleteNote } from '../store/actions'
import { useSession } from '../store/session'
import { NoteEditor } from './NoteEditor'
import { NoteText } from './NoteText'

const SHORT = 40

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > SHORT ? `${line.slice(0, SHORT)}…` : line
}

/**
 * One note. Memoised on the note object: the store keeps unchanged notes identical, so a
 * change elsewhere on the board does not render this note again.
 */
export const NoteItem = memo(function NoteItem({ note }: { readonly note: NoteView }) {
  const t = useT()
  const mayChange = useSession(
    (s) => s.participantId !== null && mayChangeNote({ participantId: s.participantId, role: s.role }, note.author),
  )
  // My own awareness entry carries no server-stamped id, so I am matched by `self`.
  const authorColor = useSession((s) =>
    note.author === null
      ? undefined
      : s.peers.find((p) => p.participantId === note.author || (p.self && note.author === s.participantId))?.color,
  )
  const [editing, setEditing] = useState(false)
  const [returnFocus, setReturnFocus] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!editing && returnFocus) {
      editButton.current?.focus()
      setReturnFocus(false)
    }
  }, [editing, returnFocus])

  function stopEditing() {
    setEditing(false)
    setReturnFocus(true)
  }

  const short = shorten(note.text)
  return (
    <li className={authorColor ? 'note note--present' : 'note'} style={authorColor ? { borderLeftColor: authorColor } : undefined}>
      {editing ? (
        <NoteEditor note={note} onDone={stopEditing} />
      ) : (
        <>
          <NoteText noteId={note.id} text={note.text} />
          {mayChange && (
            <div className="note__actions">
              <button
                ref={editButton}
                type="button"
                className="button button--small"
                aria-label={t('note.editLabel', { text: short })}
                onClick={() => setEditing(true)}
              >
                {t('note.edit')}
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('note.deleteLabel', { text: short })}
                onClick={(event) => {
                  // The button disappears with the note: keep keyboard users in the zone.
                  const zone = event.currentTarget.closest('section')
                  if (deleteNote(note.id).ok) zone?.querySelector('textarea')?.focus()
                }}
              >
                {t('note.delete')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  )
})
