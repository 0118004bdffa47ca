import { useEffect, useRef } from 'react'
import { PHASES, nextPhase } from '../../model/phases'
import type { Phase } from '../../model/phases'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { goToNextPhase, goToPhase } from '../store/moderation'
import { useIsModerator, useWritesDrafts } from '../store/permissions'
import { usePlainLanguage } from '../store/plainLanguage'
import type { ActionResult } from '../store/run'
import { DoneList, DoneToggle } from './DoneToggle'
import { PHASE_NAME, phaseHint, plainPhaseText } from './phaseText'
import { PlainText } from './PlainText'
import { PlainToggle } from './PlainToggle'

/** Where the retrospective stands, what to do now, and (for the moderator) how to move on. */
export function PhaseBar() {
  const t = useT()
  const phase = useBoard((s) => s.phase)
  const drafts = useWritesDrafts()
  const loaded = useBoard((s) => s.createdAt !== 0)
  const moderator = useIsModerator()
  const plain = usePlainLanguage((s) => s.plain)
  useAnnouncePhase(phase, loaded)

  const index = PHASES.indexOf(phase)
  const next = nextPhase(phase)

  function done(result: ActionResult) {
    if (!result.ok) announce(t('phase.failed'))
  }

  return (
    <div className="phase-bar">
      <div className="phase-bar__text">
        <h2 className="phase-bar__current">{t('phase.current', { n: index + 1, total: PHASES.length, phase: t(PHASE_NAME[phase]) })}</h2>
        {plain ? (
          <PlainText className="phase-bar__hint plain-text" text={t(plainPhaseText(phase, drafts))} />
        ) : (
          <p className="phase-bar__hint">{t(phaseHint(phase, drafts))}</p>
        )}
        <PlainToggle />
      </div>
      {moderator ? (
        <div className="phase-bar__controls" role="group" aria-label={t('phase.change')}>
          <ol className="phase-bar__steps">
            {PHASES.map((p, i) => (
              <li key={p}>
                <button
                  type="button"
                  className={`phase-step${p === phase ? ' phase-step--current' : ''}`}
                  aria-current={p === phase ? 'step' : undefined}
                  onClick={() => done(goToPhase(p))}
                >
                  <span className="phase-step__num" aria-hidden="true">
                    {i + 1}
                  </span>
                  {t(PHASE_NAME[p])}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="button button--primary" disabled={!next} onClick={() => done(goToNextPhase())}>
            {t('phase.next')}
          </button>
        </div>
      ) : (
        <ol className="phase-bar__steps" aria-label={t('phase.steps')}>
          {PHASES.map((p, i) => (
            <li key={p} className={`phase-step${p === phase ? ' phase-step--current' : ''}`} aria-current={p === phase ? 'step' : undefined}>
              <span className="phase-step__num" aria-hidden="true">
                {i + 1}
              </span>
              {t(PHASE_NAME[p])}
            </li>
          ))}
        </ol>
      )}
      {phase === 'sammeln' && (
        <div className="phase-bar__done">
          <DoneToggle />
          <DoneList />
        </div>
      )}
    </div>
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
