import { memo, useEffect } from 'react'
import { useT } from '../i18n/index'
import { ParticipantMark } from './ParticipantMark'

interface Props {
  readonly author: string
  /** The author's name while they are on the board, else null. */
  readonly name: string | null
}

/**
 * Names of authors seen on the board in this tab, so that their notes keep their initials after
 * they leave. Only in memory, like the names in presence: nothing is stored.
 */
const seenNames = new Map<string, string>()

/** Who wrote a note: their shape, colour and initials for the eye, their name for the ear. */
export const NoteAuthor = memo(function NoteAuthor({ author, name }: Props) {
  const t = useT()
  useEffect(() => {
    if (name !== null) seenNames.set(author, name)
  }, [author, name])
  const known = name ?? seenNames.get(author) ?? null
  const shown = known === null ? '' : known || t('presence.anonymous')
  return (
    <p className="note__author">
      <ParticipantMark participantId={author} name={shown} />
      <span className="visually-hidden">{known === null ? t('look.authorUnknown') : t('look.author', { name: shown })}</span>
    </p>
  )
})
