import { useId, useState } from 'react'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'
import { ParticipantMark } from '../theme/ParticipantMark'
import { peerKey } from '../theme/useParticipantLook'
import { attendance } from './attendance'

/**
 * The moderator's count for the phase at hand: "18/25 fertig" while collecting, "18/25 haben
 * abgestimmt" while the vote is open; who is missing on demand.
 */
export function MeetingProgress() {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const phase = useBoard((s) => s.phase)
  const voting = useBoard((s) => s.phase === 'abstimmen' && !s.votesRevealed)
  const did = useBoard((s) => (s.phase === 'abstimmen' ? s.progress.voted : s.progress.done))
  const peers = useSession((s) => s.peers)
  const me = useSession((s) => s.participantId)
  if (phase !== 'sammeln' && !voting) return null
  const { count, total, missing } = attendance(peers, me, did)
  return (
    <div className="meeting-progress">
      <p className="meeting-progress__count">
        {t(voting ? 'bar.voted' : 'bar.done', { count, total })}
      </p>
      {missing.length > 0 && (
        <button type="button" className="button button--small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t('bar.missing', { count: missing.length })}
        </button>
      )}
      {open && missing.length > 0 && (
        <ul id={id} className="meeting-progress__missing" aria-label={t('bar.missingList')}>
          {missing.map((peer) => (
            <li key={peer.participantId}>
              <ParticipantMark participantId={peerKey(peer)} name={peer.name || t('presence.anonymous')} />
              {peer.name || t('presence.anonymous')}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
