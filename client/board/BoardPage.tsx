import { Suspense, lazy, useRef } from 'react'
import { ZONE_IDS } from '../../model/zones'
import { Announcer } from '../a11y/announce'
import { ActionsPanel } from '../agreements/ActionsPanel'
import { SelectionBar } from '../clusters/SelectionBar'
import { DiscussionPanel } from '../discussion/DiscussionPanel'
import { FocusBar } from '../focus/FocusBar'
import { Intro } from '../intro/Intro'
import { PhaseBar } from '../moderation/PhaseBar'
import { ReadOnlyBanner } from '../moderation/ReadOnlyBanner'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'
import { useZoneView } from '../store/zoneView'
import { VotingPanel } from '../voting/VotingPanel'
import { Balloon } from './Balloon'
import { BoardHeader } from './BoardHeader'
import { isPageProblem, ProblemPage } from './ProblemPage'
import { RejectedAlert } from './RejectedAlert'
import { useUnsavedWarning } from './useUnsavedWarning'
import { Zone } from './Zone'
import { ZoneFilter } from './ZoneFilter'
import { ZoneKeysHint } from './ZoneKeysHint'
import './board.css'
import '../moderation/moderation.css'

// The Rückblick is on follow-up meetings only: its panel loads when a board is in it.
const ReviewPanel = lazy(() => import('../review/ReviewPanel').then((m) => ({ default: m.ReviewPanel })))

/**
 * The board: header, where the retrospective stands (phase and timer in the bar, read-only notice, what the
 * moderator highlights), the first-visit introduction, the three zones around the balloon, then the vote (Abstimmen, and once
 * ended) and the actions (Maßnahmen, Abschluss). Reads the stores only.
 */
export function BoardPage({ boardId }: { readonly boardId: string }) {
  const problem = useSession((s) => s.problem)
  const phase = useBoard((s) => s.phase)
  const votesRevealed = useBoard((s) => s.votesRevealed)
  const only = useZoneView((s) => s.only)
  const layout = useRef<HTMLDivElement>(null)
  useUnsavedWarning()
  if (isPageProblem(problem))
    return <ProblemPage problem={problem} />
  return (
    <div className="page board">
      <BoardHeader boardId={boardId} />
      <main className="board__main">
        {problem === 'rejected' && <RejectedAlert />}
        <PhaseBar />
        <ReadOnlyBanner />
        <FocusBar boardId={boardId} />
        <DiscussionPanel boardId={boardId} />
        {phase === 'rueckblick' && (
          <Suspense fallback={null}>
            <ReviewPanel />
          </Suspense>
        )}
        {/* Closing the introduction leads to where one starts: the first zone's note box. */}
        <Intro onClose={() => layout.current?.querySelector<HTMLElement>('textarea:not([disabled]), input:not([disabled])')?.focus()} />
        <ZoneFilter />
        <ZoneKeysHint />
        <div className="board__layout" ref={layout} data-only={only ?? undefined}>
          <div className="board__balloon">
            <Balloon />
          </div>
          {ZONE_IDS.map((zone) => (
            <Zone key={zone} zone={zone} />
          ))}
        </div>
        <SelectionBar />
        {(phase === 'abstimmen' || votesRevealed) && <VotingPanel />}
        {(phase === 'massnahmen' || phase === 'abschluss') && <ActionsPanel />}
        <Announcer />
      </main>
    </div>
  )
}
