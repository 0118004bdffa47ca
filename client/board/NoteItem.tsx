import { memo, useCallback, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent } from 'react'
import type { DraftView } from '../../model/privateView'
import type { NoteView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { announce } from '../a11y/announce'
import { endDrag, noteDropHandlers, startDrag } from '../clusters/drag'
import { chooseNote, SelectBox } from '../clusters/SelectBox'
import { moveNoteStep, moveNoteZoneStep, shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { useTakeFocus } from '../store/focusRequest'
import { highlight } from '../store/moderation'
import { useIsModerator, useMayChangeNote, useMayCluster, useReadOnly } from '../store/permissions'
import { useSelection } from '../store/selection'
import { useSession } from '../store/session'
import { NoteAuthor } from '../theme/NoteAuthor'
import { useParticipantColour } from '../theme/useParticipantLook'
import { VoteControls } from '../voting/VoteControls'
import type { NoteActionContext } from './noteActions'
import { NoteEditor } from './NoteEditor'
import { NoteMenu } from './NoteMenu'
import { NoteText } from './NoteText'

/** Space on a focused note selects it for grouping (Shift+Space: every note from the last chosen one). */
function onSelectKey(event: KeyboardEvent<HTMLElement>, id: string): boolean {
  if (event.key !== ' ' || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return false
  event.preventDefault()
  chooseNote(id, event.shiftKey)
  return true
}

/** Alt+arrow keys on a focused note: reorder (up/down), move to the previous/next zone. */
function onMoveKey(t: Translate, event: KeyboardEvent<HTMLElement>, id: string, zone: ZoneId, reorder: boolean): void {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const target = event.target as HTMLElement
  if (target.closest('textarea, input, [role="menu"]')) return
  let moved: boolean | null = null
  if (event.key === 'ArrowUp' && reorder) moved = moveNoteStep(t, id, -1)
  else if (event.key === 'ArrowDown' && reorder) moved = moveNoteStep(t, id, 1)
  else if (event.key === 'ArrowLeft') moved = moveNoteZoneStep(t, id, zone, -1)
  else if (event.key === 'ArrowRight') moved = moveNoteZoneStep(t, id, zone, 1)
  if (moved !== null) event.preventDefault()
}

/** Shift+click on a note's free space (not a control in it) selects the notes up to it, as on its checkbox. */
function onShiftClick(event: MouseEvent<HTMLElement>, id: string): void {
  if (!event.shiftKey || (event.target as HTMLElement).closest('button, input, textarea, a, [role="menu"]')) return
  event.preventDefault()
  chooseNote(id, true)
}

/** Editing state; focus goes back to the edit button when the editor closes. */
function useEditing() {
  const [editing, setEditing] = useState(false)
  const returnFocus = useRef(false)
  const editButton = useCallback((el: HTMLButtonElement | null) => {
    if (el && returnFocus.current) {
      returnFocus.current = false
      el.focus()
    }
  }, [])
  const start = useCallback(() => setEditing(true), [])
  const stop = useCallback(() => {
    returnFocus.current = true
    setEditing(false)
  }, [])
  return { editing, editButton, start, stop }
}

/** Shown on the note or cluster the moderator highlights. */
export function HighlightBadge() {
  const t = useT()
  return <span className="badge badge--focus">{t('focus.highlighted')}</span>
}

/** The moderator's "Hervorheben" toggle for a note or cluster. */
export function HighlightButton({ kind, id, label, name }: { readonly kind: 'note' | 'cluster'; readonly id: string; readonly label: string; readonly name: string }) {
  const t = useT()
  const pressed = useBoard((s) => s.focus?.kind === kind && s.focus.id === id)
  return (
    <button
      type="button"
      className="button button--small"
      aria-pressed={pressed}
      aria-label={label}
      onClick={() => {
        if (highlight(pressed ? null : { kind, id }).ok)
          announce(pressed ? t('announce.unhighlighted') : t('announce.highlighted', { text: name }))
      }}
    >
      {t('focus.button')}
    </button>
  )
}

interface Props {
  readonly note: NoteView
  /** A loose note gets votes; a note inside a cluster does not (the cluster does). */
  readonly votable?: boolean
}

/**
 * One note. Memoised on the note object: the store keeps unchanged notes identical, so a
 * change elsewhere on the board does not render this note again.
 */
export const NoteItem = memo(function NoteItem({ note, votable = false }: Props) {
  const t = useT()
  const mayChange = useMayChangeNote(note.author)
  // The author's name while they are here (null when absent). My own awareness entry carries no
  // server-stamped id, so I am matched by `self`. A string, so other peers' changes do not re-render.
  const authorName = useSession((s) =>
    note.author === null
      ? null
      : (s.peers.find((p) => p.participantId === note.author || (p.self && note.author === s.participantId))?.name ?? null),
  )
  const authorColour = useParticipantColour(note.author ?? '')
  const readOnly = useReadOnly()
  const clustering = useMayCluster()
  const moderator = useIsModerator()
  const highlighted = useBoard((s) => s.focus?.kind === 'note' && s.focus.id === note.id)
  const selected = useSelection((s) => clustering && s.ids.includes(note.id))
  const { editing, editButton, start, stop } = useEditing()
  const self = useRef<HTMLLIElement>(null)
  const elementId = `note-${note.id}`
  useTakeFocus(elementId, self)

  const short = shorten(note.text)
  const menu: NoteActionContext = {
    noteId: note.id,
    text: note.text,
    mayEdit: mayChange && !readOnly,
    mayCluster: clustering,
    moderator,
    highlighted,
    quoted: note.quote,
    onEdit: start,
  }
  const classes = ['note']
  if (note.author !== null) classes.push('note--authored')
  if (highlighted) classes.push('note--focus')
  if (selected) classes.push('note--selected')
  const drop = clustering && !editing ? noteDropHandlers(t, note.id) : null
  return (
    <li
      ref={self}
      id={elementId}
      className={classes.join(' ')}
      style={note.author !== null ? { borderLeftColor: authorColour } : undefined}
      tabIndex={clustering ? 0 : -1}
      draggable={clustering && !editing ? true : undefined}
      onDragStart={clustering ? (event) => startDrag(event, { kind: 'note', id: note.id }) : undefined}
      onDragEnd={clustering ? endDrag : undefined}
      onKeyDown={clustering ? (event) => onSelectKey(event, note.id) || onMoveKey(t, event, note.id, note.zone, true) : undefined}
      onClick={clustering && !editing ? (event) => onShiftClick(event, note.id) : undefined}
      {...drop}
    >
      {editing ? (
        <NoteEditor note={note} onDone={stop} />
      ) : (
        <>
          {clustering && <SelectBox noteId={note.id} text={short} />}
          {highlighted && <HighlightBadge />}
          {note.quote && <span className="badge badge--quote">{t('quote.badge')}</span>}
          <NoteText noteId={note.id} text={note.text} />
          {note.author !== null && <NoteAuthor author={note.author} name={authorName} />}
          {votable && <VoteControls targetId={note.id} title={short} />}
          {(menu.mayEdit || menu.mayCluster || menu.moderator) && <NoteMenu context={menu} buttonRef={editButton} />}
        </>
      )}
    </li>
  )
})

/** One of my hidden drafts: only I see it until the moderator reveals the notes. */
export const DraftItem = memo(function DraftItem({ draft }: { readonly draft: DraftView }) {
  const t = useT()
  const readOnly = useReadOnly()
  const { editing, editButton, start, stop } = useEditing()
  const self = useRef<HTMLLIElement>(null)
  const elementId = `note-${draft.id}`
  useTakeFocus(elementId, self)
  const draftMenu: NoteActionContext = {
    noteId: draft.id,
    text: draft.text,
    mayEdit: true,
    mayCluster: false,
    moderator: false,
    highlighted: false,
    onEdit: start,
  }
  return (
    <li
      ref={self}
      id={elementId}
      className="note note--draft"
      tabIndex={readOnly ? -1 : 0}
      onKeyDown={readOnly ? undefined : (event) => onMoveKey(t, event, draft.id, draft.zone, false)}
    >
      {editing ? (
        <NoteEditor note={draft} onDone={stop} />
      ) : (
        <>
          <span className="badge badge--private">{t('draft.private')}</span>
          <NoteText noteId={draft.id} text={draft.text} />
          {!readOnly && <NoteMenu context={draftMenu} buttonRef={editButton} />}
        </>
      )}
    </li>
  )
})
