import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { BoardPage } from '../board/BoardPage'
import { enterBoard, leaveBoard } from '../sync/activeBoard'
import { loadCredentials } from '../sync/credentials'
import { JoinDialog } from './JoinDialog'
import { useTellInstitution } from './useTellInstitution'

interface Props {
  readonly boardId: string
  /** Another page of the same connected board (the report); the board page when absent. */
  readonly children?: ReactNode
}

/** /b/<boardId>: asks for a name once per board, then connects and shows the board. */
export function BoardRoute({ boardId, children }: Props) {
  const [joined, setJoined] = useState(() => loadCredentials(boardId).name !== null)
  if (!joined) return <JoinDialog boardId={boardId} onJoined={() => setJoined(true)} />
  return <ConnectedBoard boardId={boardId}>{children}</ConnectedBoard>
}

function ConnectedBoard({ boardId, children }: Props) {
  useEffect(() => {
    enterBoard(boardId)
    return () => leaveBoard()
  }, [boardId])
  useTellInstitution(boardId)
  return children ?? <BoardPage boardId={boardId} />
}
