import { useId } from 'react'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { markDone } from '../store/moderation'
import { useReadOnly } from '../store/permissions'
import { usePrivate } from '../store/private'
import { useSession } from '../store/session'
import { ParticipantMark } from '../theme/ParticipantMark'

/** "Ich bin fertig": tells the others that I have written what I wanted to write. */
export function DoneToggle() {
  const t = useT()
  const done = usePrivate((s) => s.done)
  const readOnly = useReadOnly()
  return (
    <button type="button" className="button done-toggle" aria-pressed={done} disabled={readOnly} onClick={() => markDone(!done)}>
      <span className="done-toggle__mark" aria-hidden="true">
        {done ? '✓' : ''}
      </span>
      {t('done.toggle')}
    </button>
  )
}

/** Who is done writing, by name where they are present, with the mark they have on their notes; the count says it for everyone. */
export function DoneList() {
  const t = useT()
  const id = useId()
  const done = useBoard((s) => s.progress.done)
  const peers = useSession((s) => s.peers)
  const names = done.map((participant) => {
    const peer = peers.find((p) => p.participantId === participant)
    return { participant, name: peer?.name || t('presence.anonymous') }
  })
  return (
    <div className="done-list">
      <p id={id} className="done-list__count">
        {t('done.count', { count: done.length })}
      </p>
      {names.length > 0 && (
        <ul className="done-list__names" aria-labelledby={id}>
          {names.map(({ participant, name }) => (
            <li key={participant}>
              <ParticipantMark participantId={participant} name={name} />
              {name}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
