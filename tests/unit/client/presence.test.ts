import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { readPeers } from '../../../client/sync/presence'

/** Another tab's awareness, as the server relays it: its name and the participant id it stamps. */
function tab(into: Awareness, name: string, pid: string, role = 'participant'): Awareness {
  const other = new Awareness(new Y.Doc())
  other.setLocalState({ user: { name }, pid, role })
  applyAwarenessUpdate(into, encodeAwarenessUpdate(other, [other.clientID]), 'server')
  return other
}

describe('presence', () => {
  it('counts a person once however many tabs it has open (the moderator’s Präsentation is no second person)', () => {
    const mine = new Awareness(new Y.Doc())
    mine.setLocalState({ user: { name: 'Moderation' } })
    tab(mine, 'Moderation', 'p-mod')
    tab(mine, 'Ayşe', 'p-2')
    tab(mine, 'Ayşe', 'p-2')
    const peers = readPeers(mine, { participantId: 'p-mod', role: 'moderator' })
    expect(peers.map((p) => [p.name, p.participantId, p.self])).toEqual([
      ['Moderation', 'p-mod', true],
      ['Ayşe', 'p-2', false],
    ])
  })

  it('tells the moderation by the role the server stamped, mine by my own role', () => {
    const mine = new Awareness(new Y.Doc())
    mine.setLocalState({ user: { name: 'Ich' } })
    tab(mine, 'Co-Moderation', 'p-co', 'moderator')
    tab(mine, 'Ayşe', 'p-2')
    const moderators = (role: 'moderator' | 'participant') =>
      readPeers(mine, { participantId: 'p-me', role }).filter((p) => p.moderator).map((p) => p.participantId)
    expect(moderators('participant')).toEqual(['p-co'])
    expect(moderators('moderator').sort()).toEqual(['p-co', 'p-me'])
  })

  it('keeps states without a participant id apart (nobody can be told from another)', () => {
    const mine = new Awareness(new Y.Doc())
    mine.setLocalState({ user: { name: 'Ich' } })
    for (const name of ['A', 'B']) {
      const other = new Awareness(new Y.Doc())
      other.setLocalState({ user: { name } })
      applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), 'server')
    }
    expect(readPeers(mine, { participantId: 'p-me', role: 'participant' })).toHaveLength(3)
  })
})
