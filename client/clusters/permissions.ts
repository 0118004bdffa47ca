import { useMemo } from 'react'
import type { Actor } from '../../model/identity'
import { isReadOnly, mayCluster, mayEditActions, mayVote } from '../../model/permissions'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'

/** Who I am, as the model's permission rules want it. */
export function useActor(): Actor {
  const participantId = useSession((s) => s.participantId ?? '')
  const role = useSession((s) => s.role)
  return useMemo(() => ({ participantId, role }), [participantId, role])
}

export const useIsModerator = () => useSession((s) => s.role === 'moderator')

export function useReadOnly(): boolean {
  const actor = useActor()
  return useBoard((s) => isReadOnly(s, actor))
}

export function useMayCluster(): boolean {
  const actor = useActor()
  return useBoard((s) => mayCluster(s, actor))
}

export function useMayVote(): boolean {
  const actor = useActor()
  return useBoard((s) => mayVote(s, actor))
}

export function useMayEditActions(): boolean {
  const actor = useActor()
  return useBoard((s) => mayEditActions(s, actor))
}
