import { useEffect } from 'react'
import { useBoard } from '../store/board'
import { tellAboutMe } from '../store/minutes'
import { useReadOnly } from '../store/permissions'
import { useSession } from '../store/session'
import { loadCredentials } from '../sync/credentials'

/**
 * Writes the "Kommune / Institution" given in the join dialog into the board (my own entry of
 * `people`) once connected, and again should the entry lose it. Not while the board is read-only
 * for me: the guard would refuse it and the page reload.
 */
export function useTellInstitution(boardId: string): void {
  const participantId = useSession((s) => s.participantId)
  const connected = useSession((s) => s.connection === 'connected')
  const readOnly = useReadOnly()
  const told = useBoard((s) => (participantId === null ? undefined : s.people[participantId]?.institution))
  useEffect(() => {
    if (!connected || participantId === null || readOnly) return
    const institution = loadCredentials(boardId).institution
    if (institution === undefined || institution === told) return
    const person = useBoard.getState().people[participantId]
    tellAboutMe({ ...person, institution })
  }, [boardId, connected, participantId, readOnly, told])
}
