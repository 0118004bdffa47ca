import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import { changePhase, isPhase, leavesVoteOpen, nextPhase, PHASES, phasesOf, planPhaseChange, previousPhase, setLocked, setPhase, setVotesRevealed } from '../../../model/phases'
import { metaOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { newDoc } from '../../helpers/peers'

describe('phases', () => {
  it('lists the facilitated flow in order', () => {
    expect(PHASES).toEqual(['rueckblick', 'sammeln', 'aufdecken', 'clustern', 'abstimmen', 'massnahmen', 'abschluss'])
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
    for (const phases of [phasesOf(false), phasesOf(true)])
      for (let i = 0; i < phases.length - 1; i++) {
        expect(nextPhase(phases[i]!, phases)).toBe(phases[i + 1])
        expect(previousPhase(phases[i + 1]!, phases)).toBe(phases[i])
      }
  })

  it('has the Rückblick first, and only on a board with carried actions', () => {
    expect(phasesOf(true)).toEqual(PHASES)
    expect(phasesOf(true)[0]).toBe('rueckblick')
    expect(phasesOf(false)).not.toContain('rueckblick')
    expect(phasesOf(false)).toHaveLength(PHASES.length - 1)
    expect(previousPhase('sammeln', phasesOf(true))).toBe('rueckblick')
    expect(previousPhase('sammeln')).toBeNull()
    // A board without a review that is in the Rückblick anyway (an imported one) moves on to Sammeln.
    expect(nextPhase('rueckblick')).toBe('sammeln')
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

describe('a phase change plan', () => {
  const open = { phase: 'abstimmen', votesRevealed: false } as const
  const ended = { phase: 'abstimmen', votesRevealed: true } as const

  it('ends an open vote when leaving Abstimmen, forwards or back, and asks first', () => {
    for (const to of PHASES.filter((p) => p !== 'abstimmen')) {
      expect(planPhaseChange(open, to)).toEqual({ to, endsVote: true, warning: 'endsVote' })
    }
    expect(planPhaseChange(open, 'abstimmen')).toEqual({ to: 'abstimmen', endsVote: false, warning: null })
    expect(planPhaseChange(ended, 'massnahmen')).toEqual({ to: 'massnahmen', endsVote: false, warning: null })
  })

  it('warns that counted votes stay when going back before Abstimmen, and only then', () => {
    for (const from of ['abstimmen', 'massnahmen', 'abschluss'] as const) {
      for (const to of ['sammeln', 'aufdecken', 'clustern'] as const) {
        expect(planPhaseChange({ phase: from, votesRevealed: true }, to).warning).toBe('keepsVotes')
      }
      expect(planPhaseChange({ phase: from, votesRevealed: true }, 'abstimmen').warning).toBeNull()
    }
    // Nothing counted yet: nothing to warn about; forwards from before the vote neither.
    expect(planPhaseChange({ phase: 'massnahmen', votesRevealed: false }, 'clustern').warning).toBeNull()
    expect(planPhaseChange({ phase: 'sammeln', votesRevealed: true }, 'clustern').warning).toBeNull()
  })

  it('carries out the plan in one transaction: phase and end of the vote together', () => {
    const doc = newDoc()
    initBoard(doc, {})
    setPhase(doc, 'abstimmen')
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    changePhase(doc, planPhaseChange(open, 'massnahmen'))
    expect(transactions).toBe(1)
    expect(toBoardView(doc)).toMatchObject({ phase: 'massnahmen', votesRevealed: true })
  })

  it('says when a change leaves the vote open behind it', () => {
    expect(leavesVoteOpen(open, { phase: 'massnahmen', votesRevealed: false })).toBe(true)
    expect(leavesVoteOpen(open, { phase: 'clustern', votesRevealed: false })).toBe(true)
    expect(leavesVoteOpen(open, { phase: 'massnahmen', votesRevealed: true })).toBe(false)
    expect(leavesVoteOpen(open, open)).toBe(false)
    expect(leavesVoteOpen(ended, { phase: 'massnahmen', votesRevealed: true })).toBe(false)
    expect(leavesVoteOpen({ phase: 'clustern', votesRevealed: false }, { phase: 'massnahmen', votesRevealed: false })).toBe(false)
  })
})
