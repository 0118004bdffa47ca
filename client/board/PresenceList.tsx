import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent, RefObject } from 'react'
import { useT } from '../i18n/index'
import { useSession } from '../store/session'
import { ParticipantMark } from '../theme/ParticipantMark'
import { peerKey } from '../theme/useParticipantLook'

/**
 * Who is on the board now: one line, "26 anwesend", that opens the list of everyone with their
 * shape, colour and initials (the same as on their notes); the name says it in words. The list
 * closes on Escape (focus back on the toggle) and on a click or tap outside it (focus stays where
 * that went).
 */
export function PresenceList() {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const peers = useSession((s) => s.peers)
  useOutsidePress(box, open, setOpen)

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return
    event.preventDefault()
    event.stopPropagation()
    setOpen(false)
    toggle.current?.focus()
  }

  return (
    <div className="presence" ref={box} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="presence__toggle"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="presence__chevron">
          {open ? '▾' : '▸'}
        </span>
        {t('presence.count', { count: peers.length })}
      </button>
      <ul id={`${id}-list`} className="presence__list" aria-label={t('presence.heading')} hidden={!open}>
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence__peer">
            <ParticipantMark participantId={peerKey(peer)} name={peer.name || t('presence.anonymous')} />
            {peer.name || t('presence.anonymous')}
            {peer.moderator === true && <span className="presence__you"> {t('presence.moderator')}</span>}
            {peer.self && <span className="presence__you"> {t('presence.you')}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Closes (`setOpen(false)`) when, while `open`, a pointer goes down outside `box` (a click or a tap). */
function useOutsidePress(box: RefObject<HTMLElement | null>, open: boolean, setOpen: (open: boolean) => void): void {
  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [box, open, setOpen])
}
