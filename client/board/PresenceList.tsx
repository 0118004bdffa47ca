import { useId } from 'react'
import { useT } from '../i18n/index'
import { useSession } from '../store/session'

/** Who is on the board now, each with their colour; the colour repeats what the name says. */
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
            <span className="dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
            {peer.name || t('presence.anonymous')}
            {peer.self && <span className="presence__you"> {t('presence.you')}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
