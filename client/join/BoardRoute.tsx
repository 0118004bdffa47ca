import { useEffect, useState } from 'react'
import { BoardPage } from '../board/BoardPage'
import { enterBoard, leaveBoard } from '../sync/activeBoard'
import { loadCredentials } from '../sync/credentials'
import { JoinDialog } from './JoinDialog'

/** /b/<boardId>: asks for a name once per board, then connects and shows the board. */
export function BoardRoute({ boardId }: { readonly boardId: string }) {
  const [joined, setJoined] = useState(() => loadCredentials(boardId).name !== null)
  if (!joined) return <JoinDialog boardId={boardId} onJoined={() => setJoined(true)} />
  return <ConnectedBoard boardId={boardId} />
}

function ConnectedBoard({ boardId }: { readonly boardId: string }) {
  useEffect(() => {
    enterBoard(boardId)
    return () => leaveBoard()
  }, [boardId])
  return <BoardPage boardId={boardId} />
}
