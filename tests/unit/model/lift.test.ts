import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import { createCluster } from '../../../model/clusters'
import { liftOf } from '../../../model/lift'
import { addNote } from '../../../model/notes'
import { setVotesRevealed } from '../../../model/phases'
import { castVote, declarePrivateRoots } from '../../../model/privateDoc'
import { writeTally } from '../../../model/reveal'
import { toBoardView } from '../../../model/view'
import { newDoc } from '../../helpers/peers'

const VOTES = { votesPerPerson: 20, maxVotesPerItem: 10 }
const AUTHOR = 'alice-participant'

/** A board with a Steigen cluster, a loose Steigen note, an Unten-halten cluster and an Einheizen note. */
function board() {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro' })
  const up1 = addNote(doc, { zone: 'steigen', text: 'Vernetzung', author: AUTHOR })
  const up2 = addNote(doc, { zone: 'steigen', text: 'Strukturen', author: AUTHOR })
  const upLoose = addNote(doc, { zone: 'steigen', text: 'Politik', author: AUTHOR })
  const down = addNote(doc, { zone: 'untenHalten', text: 'Geld', author: AUTHOR })
  const heat = addNote(doc, { zone: 'einheizen', text: 'Sichtbarkeit', author: AUTHOR })
  const upCluster = createCluster(doc, { zone: 'steigen', title: 'Netz', noteIds: [up1, up2] })
  const downCluster = createCluster(doc, { zone: 'untenHalten', title: 'Ressourcen', noteIds: [down] })
  return { doc, upCluster, upLoose, downCluster, heat }
}

/** One participant's ballot with `votes` on each target. */
function ballot(votes: Readonly<Record<string, number>>): Y.Doc {
  const doc = new Y.Doc()
  declarePrivateRoots(doc)
  for (const [target, n] of Object.entries(votes)) for (let i = 0; i < n; i++) castVote(doc, target, 1, VOTES)
  return doc
}

describe('liftOf', () => {
  it('is open and 0 before the vote ends, even when totals exist', () => {
    const b = board()
    writeTally(b.doc, [ballot({ [b.upCluster]: 3 })])
    expect(liftOf(toBoardView(b.doc))).toEqual({ lift: 0, ballast: 0, heat: 0, balance: 0, state: 'open' })
  })

  it('weighs the votes on Steigen (clusters and loose notes) against those on Unten halten, normalised to −1…+1', () => {
    const b = board()
    writeTally(b.doc, [ballot({ [b.upCluster]: 5, [b.upLoose]: 1, [b.downCluster]: 2, [b.heat]: 4 }), ballot({ [b.upCluster]: 1, [b.downCluster]: 1 })])
    setVotesRevealed(b.doc, true)
    const lift = liftOf(toBoardView(b.doc))
    expect(lift).toEqual({ lift: 7, ballast: 3, heat: 4, balance: 0.4, state: 'rising' })
  })

  it('sinks when ballast outweighs lift, and reaches −1 with ballast only', () => {
    const b = board()
    writeTally(b.doc, [ballot({ [b.upLoose]: 1, [b.downCluster]: 3 })])
    setVotesRevealed(b.doc, true)
    expect(liftOf(toBoardView(b.doc))).toMatchObject({ lift: 1, ballast: 3, balance: -0.5, state: 'sinking' })

    const c = board()
    writeTally(c.doc, [ballot({ [c.downCluster]: 2, [c.heat]: 1 })])
    setVotesRevealed(c.doc, true)
    expect(liftOf(toBoardView(c.doc))).toMatchObject({ lift: 0, ballast: 2, heat: 1, balance: -1, state: 'sinking' })
  })

  it('holds its height when lift and ballast are equal, or when nobody voted on either (no division by zero)', () => {
    const b = board()
    writeTally(b.doc, [ballot({ [b.upCluster]: 2, [b.downCluster]: 2 })])
    setVotesRevealed(b.doc, true)
    expect(liftOf(toBoardView(b.doc))).toMatchObject({ balance: 0, state: 'level' })

    const c = board()
    writeTally(c.doc, [ballot({ [c.heat]: 3 })])
    setVotesRevealed(c.doc, true)
    expect(liftOf(toBoardView(c.doc))).toEqual({ lift: 0, ballast: 0, heat: 3, balance: 0, state: 'level' })
  })

  it('ignores totals on targets that are no longer on the board', () => {
    const b = board()
    writeTally(b.doc, [ballot({ 'gone-cluster': 9, [b.upCluster]: 1 })])
    setVotesRevealed(b.doc, true)
    expect(liftOf(toBoardView(b.doc))).toMatchObject({ lift: 1, ballast: 0, balance: 1, state: 'rising' })
  })
})
