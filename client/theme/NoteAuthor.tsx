import { memo } from 'react'
import { useT } from '../i18n/index'
import { ParticipantMark } from './ParticipantMark'

interface Props {
  readonly author: string
  /** The author's name while they are on the board, else null. */
  readonly name: string | null
}

/** Who wrote a note: their shape, colour and initials for the eye, their name for the ear. */
export const NoteAuthor = memo(function NoteAuthor({ author, name }: Props) {
  const t = useT()
  const shown = name === null ? '' : name || t('presence.anonymous')
  return (
    <p className="note__author">
      <ParticipantMark participantId={author} name={shown} />
      <span className="visually-hidden">{name === null ? t('look.authorUnknown') : t('look.author', { name: shown })}</span>
    </p>
  )
})
