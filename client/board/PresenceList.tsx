import { useId } from 'react'
import { useT } from '../i18n/index'
import { useSession } from '../store/session'
import { ParticipantMark } from '../theme/ParticipantMark'

/** Who is on the board now, each with their shape, colour and initials (the same as on their notes); the name says it in words. */
export function PresenceList() {
  const t = useT()
  const id = useId()
  const peers = useSession((s) => s.peers)
  return (
    <div className="presence">
      <h2 id={id} className="presence__heading">
        {t('presence.heading')}
      </h2>
      <ul className="presence__list" aria-labelledby={id}>
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
