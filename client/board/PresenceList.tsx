import { useId, useState } from 'react'
import { useT } from '../i18n/index'
import { useSession } from '../store/session'
import { ParticipantMark } from '../theme/ParticipantMark'

/**
 * Who is on the board now: one line, "26 anwesend", that opens the list of everyone with their
 * shape, colour and initials (the same as on their notes); the name says it in words.
 */
export function PresenceList() {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const peers = useSession((s) => s.peers)
  return (
    <div className="presence">
      <button type="button" className="presence__toggle" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="presence__chevron">
          {open ? '▾' : '▸'}
        </span>
        {t('presence.count', { count: peers.length })}
      </button>
      <ul id={`${id}-list`} className="presence__list" aria-label={t('presence.heading')} hidden={!open}>
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence__peer">
            <ParticipantMark participantId={peer.participantId ?? String(peer.clientId)} name={peer.name || t('presence.anonymous')} />
            {peer.name || t('presence.anonymous')}
            {peer.self && <span className="presence__you"> {t('presence.you')}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
