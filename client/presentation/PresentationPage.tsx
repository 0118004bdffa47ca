import { liftOf } from '../../model/lift'
import { phasesOf } from '../../model/phases'
import { ZONE_IDS } from '../../model/zones'
import { Balloon } from '../board/Balloon'
import { isPageProblem, ProblemPage } from '../board/ProblemPage'
import { useDiscussion } from '../discussion/useDiscussion'
import { useScrollToFocus } from '../focus/useScrollToFocus'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { PHASE_NAME } from '../moderation/phaseText'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'
import { presentationElementId } from './focusTarget'
import { usePresentedPage } from './paging'
import { PresentationDiscussion } from './PresentationDiscussion'
import { PresentationFocus } from './PresentationFocus'
import { PresentationNotes } from './PresentationNotes'
import { PresentationTimer } from './PresentationTimer'
import { PresentationZone } from './PresentationZone'
import './presentation.css'

/**
 * /b/<boardId>/praesentation: the moderator's shared screen, large type and no controls. In
 * Aufdecken and Clustern it shows the page of notes the moderator turned to; in Besprechen the
 * item under discussion; otherwise the overview of the three zones around the balloon with the
 * Steighöhe in words. It goes to what the moderator highlights.
 */
export function PresentationPage({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const problem = useSession((s) => s.problem)
  const title = useBoard((s) => s.title)
  const phase = useBoard((s) => s.phase)
  const focus = useBoard((s) => s.focus)
  const page = usePresentedPage()
  const { current } = useDiscussion()
  const phases = useBoard((s) => phasesOf(s.review.length > 0))
  useScrollToFocus(focus, true, presentationElementId)
  if (isPageProblem(problem)) return <ProblemPage problem={problem} />
  return (
    <main className="page presentation" data-board={boardId} aria-label={t('present.label')}>
      <header className="presentation__head">
        <h1>{title || t('board.untitled')}</h1>
        <p className="presentation__phase">{t('phase.current', { n: phases.indexOf(phase) + 1, total: phases.length, phase: t(PHASE_NAME[phase]) })}</p>
        <PresentationTimer />
      </header>
      <PresentationFocus />
      {page ? <PresentationNotes page={page} /> : current ? <PresentationDiscussion /> : <Overview />}
    </main>
  )
}

/** The three zones side by side next to the balloon, with the Steighöhe in words under it. */
function Overview() {
  const t = useT()
  const votesRevealed = useBoard((s) => s.votesRevealed)
  const tally = useBoard((s) => s.tally)
  const zones = useBoard((s) => s.zones)
  const lift = liftOf({ votesRevealed, tally, zones })
  return (
    <div className="presentation__layout">
      <div className="presentation__balloon">
        <Balloon size="large" />
        <p className="presentation__lift">{liftText(t, lift)}</p>
      </div>
      {ZONE_IDS.map((zone) => (
        <PresentationZone key={zone} zone={zone} />
      ))}
    </div>
  )
}

function liftText(t: Translate, lift: ReturnType<typeof liftOf>): string {
  if (lift.state === 'open') return t('lift.open')
  return t(`lift.${lift.state}`, { lift: t('lift.votes', { count: lift.lift }), ballast: t('lift.votes', { count: lift.ballast }) })
}
