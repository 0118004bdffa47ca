import { useState } from 'react'
import { nextPhase, phasesOf } from '../../model/phases'
import type { Phase, PhaseChange } from '../../model/phases'
import { announce } from '../a11y/announce'
import { ConfirmDialog } from '../ConfirmDialog'
import { DiscussionControls } from '../discussion/DiscussionControls'
import { useT } from '../i18n/index'
import { PresentationControls } from '../presentation/PresentationControls'
import { useBoard } from '../store/board'
import { endVote, movePhase, planPhase, reopenVote } from '../store/moderation'
import type { ActionResult } from '../store/run'
import { PHASE_NAME } from './phaseText'

/**
 * The moderator's part of the bar: the phase's own action (ending or reopening the vote), "Nächste
 * Phase" and every phase by name. A change that ends the vote or keeps counted votes asks first.
 */
export function PhaseControls() {
  const t = useT()
  const phase = useBoard((s) => s.phase)
  const [asking, setAsking] = useState<PhaseChange | null>(null)
  const phases = useBoard((s) => phasesOf(s.review.length > 0))
  const next = nextPhase(phase, phases)

  function done(result: ActionResult) {
    if (!result.ok) announce(t('phase.failed'))
  }
  function go(to: Phase) {
    const change = planPhase(to)
    if (change.warning) setAsking(change)
    else done(movePhase(change))
  }

  return (
    <div className="phase-bar__controls" role="group" aria-label={t('phase.change')}>
      <VoteAction />
      <DiscussionControls />
      <PresentationControls />
      <button type="button" className="button button--primary" disabled={!next} onClick={() => next && go(next)}>
        {t('phase.next')}
      </button>
      <ol className="phase-bar__steps">
        {phases.map((p, i) => (
          <li key={p}>
            <button
              type="button"
              className={`phase-step${p === phase ? ' phase-step--current' : ''}`}
              aria-current={p === phase ? 'step' : undefined}
              onClick={() => go(p)}
            >
              <span className="phase-step__num" aria-hidden="true">
                {i + 1}
              </span>
              <span className="phase-step__name">{t(PHASE_NAME[p])}</span>
            </button>
          </li>
        ))}
      </ol>
      {asking && (
        <ConfirmDialog
          title={t(asking.warning === 'endsVote' ? 'bar.endsVote.title' : 'bar.keepsVotes.title')}
          cancelLabel={t('bar.stay')}
          confirmLabel={t('bar.moveTo', { phase: t(PHASE_NAME[asking.to]) })}
          busyLabel={t('bar.moveTo', { phase: t(PHASE_NAME[asking.to]) })}
          busy={false}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            done(movePhase(asking))
          }}
        >
          <p>{t(asking.warning === 'endsVote' ? 'bar.endsVote.text' : 'bar.keepsVotes.text')}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}

/** In Abstimmen: end the vote, or open it again once ended. */
function VoteAction() {
  const t = useT()
  const phase = useBoard((s) => s.phase)
  const revealed = useBoard((s) => s.votesRevealed)
  if (phase !== 'abstimmen') return null
  if (revealed)
    return (
      <button type="button" className="button" onClick={() => reopenVote().ok && announce(t('voting.reopen'))}>
        {t('voting.reopen')}
      </button>
    )
  return (
    <button type="button" className="button button--primary" onClick={() => endVote().ok && announce(t('voting.closed'))}>
      {t('voting.end')}
    </button>
  )
}
