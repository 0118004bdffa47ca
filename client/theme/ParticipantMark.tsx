import { memo } from 'react'
import type { ParticipantShape } from './participant'
import { useParticipantLook } from './useParticipantLook'

/** The shapes on a 16×16 grid; each fills differently, so they differ in outline as well. */
const SHAPES: Readonly<Record<ParticipantShape, string>> = {
  circle: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z',
  triangle: 'M8 1.5L15 14.5H1z',
  square: 'M2 2h12v12H2z',
  diamond: 'M8 0.8L15.2 8L8 15.2L0.8 8z',
  star: 'M8 0.8l2.1 4.6l5 .5l-3.8 3.4l1.1 5l-4.4-2.6l-4.4 2.6l1.1-5L.7 5.9l5-.5z',
  cross: 'M5.5 1h5v4.5H15v5h-4.5V15h-5v-4.5H1v-5h4.5z',
  hexagon: 'M4.5 1.5h7L15 8l-3.5 6.5h-7L1 8z',
}

interface Props {
  readonly participantId: string
  /** Shown as initials when known. */
  readonly name?: string
}

/**
 * A participant's shape, filled in part or whole in their colour, and their initials: never colour
 * alone. The part that is coloured is drawn by styles.css (`data-fill`); the moderation wears a
 * frame. Decorative; callers name the person in words.
 */
export const ParticipantMark = memo(function ParticipantMark({ participantId, name = '' }: Props) {
  const { look, initials } = useParticipantLook(participantId, name)
  const shape = SHAPES[look.shape]
  return (
    <span
      className={look.moderator ? 'pmark pmark--moderator' : 'pmark'}
      data-shape={look.shape}
      data-fill={look.fill}
      data-colour={look.slot ?? 'none'}
      aria-hidden="true"
    >
      <svg className="pmark__shape" viewBox="0 0 16 16" focusable="false">
        <path className="pmark__ground" d={shape} />
        {look.fill !== 'none' && <path className="pmark__fill" d={shape} style={{ fill: look.colour }} />}
        <path className="pmark__outline" d={shape} />
      </svg>
      {initials && <span className="pmark__initials">{initials}</span>}
    </span>
  )
})
