import { isReadOnly, mayModerate } from '../../model/permissions'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'

/** Whether I moderate this board. */
export function useIsModerator(): boolean {
  const role = useSession((s) => s.role)
  return mayModerate({ participantId: '', role })
}

/** Whether I may only read the board now (locked or Abschluss, and I am no moderator). */
export function useReadOnly(): boolean {
  const role = useSession((s) => s.role)
  const participantId = useSession((s) => s.participantId)
  const phase = useBoard((s) => s.phase)
  const locked = useBoard((s) => s.locked)
  const settings = useBoard((s) => s.settings)
  return isReadOnly({ phase, locked, settings }, { participantId: participantId ?? '', role })
}
