import { ZONE_IDS } from '../../model/zones'
import { useSession } from '../store/session'
import { Balloon } from './Balloon'
import { BoardHeader } from './BoardHeader'
import { ProblemPage } from './ProblemPage'
import { RejectedAlert } from './RejectedAlert'
import { Zone } from './Zone'
import { useUnsavedWarning } from './useUnsavedWarning'
import './board.css'

/** The board: header, and the three zones around the balloon. Reads the stores only. */
export function BoardPage({ boardId }: { readonly boardId: string }) {
  const problem = useSession((s) => s.problem)
  useUnsavedWarning()
  if (problem === 'unknownBoard' || problem === 'forbidden' || problem === 'boardFull')
    return <ProblemPage problem={problem} />
  return (
    <div className="page board">
      <BoardHeader boardId={boardId} />
      <main className="board__main">
        {problem === 'rejected' && <RejectedAlert />}
        <div className="board__layout">
          <div className="board__balloon">
            <Balloon />
          </div>
          {ZONE_IDS.map((zone) => (
            <Zone key={zone} zone={zone} />
          ))}
        </div>
      </main>
    </div>
  )
}
