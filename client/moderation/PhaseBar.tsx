import { useEffect, useRef } from 'react'
import { phasesOf } from '../../model/phases'
import type { Phase } from '../../model/phases'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useIsModerator, useWritesDrafts } from '../store/permissions'
import { usePlainLanguage } from '../store/plainLanguage'
import { usePinnedHeight } from '../board/usePinnedHeight'
import type { PinnedHeights } from '../board/usePinnedHeight'
import { Timer } from '../timer/Timer'
import { VotesLeft } from '../voting/VotesLeft'
import { DoneList, DoneToggle } from './DoneToggle'
import { MeetingProgress } from './MeetingProgress'
import { PhaseControls } from './PhaseControls'
import { PHASE_NAME, phaseHint, plainPhaseText } from './phaseText'
import { PlainText } from './PlainText'
import { PlainToggle } from './PlainToggle'

/** The bar sticks at the top; on a phone the moderator's is fixed at the bottom (a participant's votes left: VotesLeft). */
const pinned: PinnedHeights = (height, position) => ({
  '--bar-top': position === 'sticky' ? height + 8 : 0,
  '--bar-bottom': position === 'fixed' ? height : 0,
})

/**
 * The bar that stays in reach (sticky at the top, at the bottom on phones): where the meeting
 * stands and what to do now; for the moderator every phase action and the room's progress, for
 * a participant "Ich bin fertig" and the votes left.
 */
export function PhaseBar() {
  const t = useT()
  const phase = useBoard((s) => s.phase)
  const drafts = useWritesDrafts()
  const loaded = useBoard((s) => s.createdAt !== 0)
  const moderator = useIsModerator()
  const plain = usePlainLanguage((s) => s.plain)
  useAnnouncePhase(phase, loaded)
  const bar = useRef<HTMLDivElement>(null)
  usePinnedHeight(bar, pinned)
  const phases = useBoard((s) => phasesOf(s.review.length > 0))
  const index = phases.indexOf(phase)

  return (
    <div ref={bar} className={`phase-bar${moderator ? ' phase-bar--moderator' : ''}`}>
      <div className="phase-bar__text">
        <h2 className="phase-bar__current">{t('phase.current', { n: index + 1, total: phases.length, phase: t(PHASE_NAME[phase]) })}</h2>
        {plain ? (
          <PlainText className="phase-bar__hint plain-text" text={t(plainPhaseText(phase, drafts))} />
        ) : (
          <p className="phase-bar__hint">{t(phaseHint(phase, drafts))}</p>
        )}
        <PlainToggle />
      </div>
      {moderator ? <PhaseControls /> : <ParticipantSteps phase={phase} phases={phases} />}
      <div className="phase-bar__status">
        <Timer />
        {moderator ? <MeetingProgress /> : <VotesLeft />}
        {phase === 'sammeln' && !moderator && <DoneToggle />}
        {phase === 'sammeln' && !moderator && <DoneList />}
      </div>
    </div>
  )
}

function ParticipantSteps({ phase, phases }: { readonly phase: Phase; readonly phases: readonly Phase[] }) {
  const t = useT()
  return (
    <ol className="phase-bar__steps" aria-label={t('phase.steps')}>
      {phases.map((p, i) => (
        <li key={p} className={`phase-step${p === phase ? ' phase-step--current' : ''}`} aria-current={p === phase ? 'step' : undefined}>
          <span className="phase-step__num" aria-hidden="true">
            {i + 1}
          </span>
          <span className="phase-step__name">{t(PHASE_NAME[p])}</span>
        </li>
      ))}
    </ol>
  )
}

/** Tells everyone when the phase changes (not when the board first loads). */
function useAnnouncePhase(phase: Phase, loaded: boolean): void {
  const t = useT()
  const last = useRef<{ phase: Phase; loaded: boolean }>({ phase, loaded })
  useEffect(() => {
    const before = last.current
    last.current = { phase, loaded }
    if (before.loaded && loaded && before.phase !== phase) announce(t('phase.announce', { phase: t(PHASE_NAME[phase]) }))
  }, [phase, loaded, t])
}
