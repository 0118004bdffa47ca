import { PHASES } from '../../model/phases'
import { ZONE_IDS } from '../../model/zones'
import { Balloon } from '../board/Balloon'
import { isPageProblem, ProblemPage } from '../board/ProblemPage'
import { useScrollToFocus } from '../focus/useScrollToFocus'
import { useT } from '../i18n/index'
import { PHASE_NAME } from '../moderation/phaseText'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'
import { presentationElementId } from './focusTarget'
import { PresentationDiscussion } from './PresentationDiscussion'
import { PresentationFocus } from './PresentationFocus'
import { PresentationTimer } from './PresentationTimer'
import { PresentationZone } from './PresentationZone'
import './presentation.css'

/**
 * /b/<boardId>/praesentation: the moderator's shared screen. Large type, the balloon, the
 * clusters per zone (with totals after the vote), the timer and the phase; no controls. It
 * always goes to what the moderator highlights.
 */
export function PresentationPage({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const problem = useSession((s) => s.problem)
  const title = useBoard((s) => s.title)
  const phase = useBoard((s) => s.phase)
  const focus = useBoard((s) => s.focus)
  useScrollToFocus(focus, true, presentationElementId)
  if (isPageProblem(problem))
    return <ProblemPage problem={problem} />
  return (
    <main className="page presentation" data-board={boardId} aria-label={t('present.label')}>
      <header className="presentation__head">
        <h1>{title || t('board.untitled')}</h1>
        <p className="presentation__phase">{t('phase.current', { n: PHASES.indexOf(phase) + 1, total: PHASES.length, phase: t(PHASE_NAME[phase]) })}</p>
        <PresentationTimer />
      </header>
      <PresentationFocus />
      <PresentationDiscussion />
      <div className="presentation__layout">
        <div className="presentation__balloon">
          <Balloon size="large" />
        </div>
        {ZONE_IDS.map((zone) => (
          <PresentationZone key={zone} zone={zone} />
        ))}
      </div>
    </main>
  )
}
