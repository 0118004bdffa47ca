import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import { isPhase, nextPhase, PHASES, previousPhase, setLocked, setPhase, setVotesRevealed } from '../../../model/phases'
import { metaOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { newDoc } from '../../helpers/peers'

describe('phases', () => {
  it('lists the facilitated flow in order', () => {
    expect(PHASES).toEqual(['sammeln', 'aufdecken', 'clustern', 'abstimmen', 'massnahmen', 'abschluss'])
  })

  it('recognises phases only', () => {
    for (const phase of PHASES) expect(isPhase(phase)).toBe(true)
    for (const value of ['', 'Sammeln', 'vote', 'toString', 0, null, undefined, {}, ['sammeln']]) expect(isPhase(value)).toBe(false)
  })

  it('steps forward and back, with null past either end', () => {
    expect(nextPhase('sammeln')).toBe('aufdecken')
    expect(nextPhase('massnahmen')).toBe('abschluss')
    expect(nextPhase('abschluss')).toBeNull()
    expect(previousPhase('abschluss')).toBe('massnahmen')
    expect(previousPhase('aufdecken')).toBe('sammeln')
    expect(previousPhase('sammeln')).toBeNull()
    for (let i = 0; i < PHASES.length - 1; i++) {
      expect(nextPhase(PHASES[i]!)).toBe(PHASES[i + 1])
      expect(previousPhase(PHASES[i + 1]!)).toBe(PHASES[i])
    }
  })

  it('writes phase, lock and vote state into meta, and the view reflects them', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'Retro' })
    expect(metaOf(doc).get('phase')).toBe('sammeln')
    let view = toBoardView(doc)
    expect(view).toMatchObject({ phase: 'sammeln', locked: false, votesRevealed: false })

    setPhase(doc, 'abstimmen')
    setLocked(doc, true)
    setVotesRevealed(doc, true)
    expect(metaOf(doc).get('phase')).toBe('abstimmen')
    expect(metaOf(doc).get('locked')).toBe(true)
    expect(metaOf(doc).get('votesRevealed')).toBe(true)
    view = toBoardView(doc, view)
    expect(view).toMatchObject({ phase: 'abstimmen', locked: true, votesRevealed: true })

    // Any phase may follow any other, also backwards.
    setPhase(doc, 'aufdecken')
    setLocked(doc, false)
    setVotesRevealed(doc, false)
    view = toBoardView(doc, view)
    expect(view).toMatchObject({ phase: 'aufdecken', locked: false, votesRevealed: false })
  })

  it('falls back to sammeln, unlocked and unrevealed for invalid meta values', () => {
    const doc = newDoc()
    initBoard(doc, {})
    for (const [phase, locked, revealed] of [
      ['vote', 'true', 1],
      [3, 1, 'yes'],
      [null, {}, [true]],
    ] as const) {
      metaOf(doc).set('phase', phase)
      metaOf(doc).set('locked', locked)
      metaOf(doc).set('votesRevealed', revealed)
      expect(toBoardView(doc)).toMatchObject({ phase: 'sammeln', locked: false, votesRevealed: false })
    }
    metaOf(doc).delete('phase')
    expect(toBoardView(doc).phase).toBe('sammeln')
  })
})
