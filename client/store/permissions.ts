import { useMemo } from 'react'
import type { Actor } from '../../model/identity'
import { isReadOnly, mayCluster, mayEditActions, mayExport, mayModerate, mayReview, mayVote, mayWriteBericht, writesDrafts } from '../../model/permissions'
import { mayChangeNote } from '../../model/rules'
import type { BoardView } from '../../model/view'
import { useBoard } from './board'
import { useSession } from './session'

/**
 * What I may do on this board, one hook per question of model/permissions.ts. Components ask
 * here and offer only what the server's guard, asking the same predicates, will accept.
 */

/** Who I am, as the model's permission rules want it. */
export function useActor(): Actor {
  const participantId = useSession((s) => s.participantId ?? '')
  const role = useSession((s) => s.role)
  return useMemo(() => ({ participantId, role }), [participantId, role])
}

/** A predicate over the board for me; re-renders only when its answer changes. */
function useMay(predicate: (board: BoardView, actor: Actor) => boolean): boolean {
  const actor = useActor()
  return useBoard((s) => predicate(s, actor))
}

export const useIsModerator = (): boolean => useSession((s) => mayModerate({ participantId: s.participantId ?? '', role: s.role }))
/** Locked, or in Abschluss, and I am no moderator. */
export const useReadOnly = (): boolean => useMay(isReadOnly)
/** New notes go to my private doc as drafts (collecting privately). */
export const useWritesDrafts = (): boolean => useBoard(writesDrafts)
export const useMayCluster = (): boolean => useMay(mayCluster)
export const useMayVote = (): boolean => useMay(mayVote)
export const useMayEditActions = (): boolean => useMay(mayEditActions)
export const useMayExport = (): boolean => useMay(mayExport)
export const useMayReview = (): boolean => useMay(mayReview)
export const useMayWriteBericht = (): boolean => useMay(mayWriteBericht)

/** Whether I may edit or delete a note by `author` (mine, or I moderate). */
export function useMayChangeNote(author: string | null): boolean {
  return useSession((s) => s.participantId !== null && mayChangeNote({ participantId: s.participantId, role: s.role }, author))
}
