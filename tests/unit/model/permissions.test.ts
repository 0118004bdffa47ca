import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../model/identity'
import { isReadOnly, mayCluster, mayEditActions, mayExport, mayModerate, mayVote, writesDrafts } from '../../../model/permissions'
import type { BoardState } from '../../../model/permissions'
import { PHASES } from '../../../model/phases'
import type { Phase } from '../../../model/phases'
import { DEFAULT_SETTINGS } from '../../../model/settings'
import type { Settings } from '../../../model/settings'

const MOD: Actor = { participantId: 'mod', role: 'moderator' }
const PART: Actor = { participantId: 'p', role: 'participant' }

function board(phase: Phase, over: Partial<Settings> = {}, locked = false): BoardState {
  return { phase, settings: { ...DEFAULT_SETTINGS, ...over }, locked }
}

describe('permissions', () => {
  it('makes the board read-only for participants when locked or in abschluss, never for moderators', () => {
    for (const phase of PHASES) {
      expect(isReadOnly(board(phase), PART), phase).toBe(phase === 'abschluss')
      expect(isReadOnly(board(phase, {}, true), PART), phase).toBe(true)
      expect(isReadOnly(board(phase), MOD), phase).toBe(false)
      expect(isReadOnly(board(phase, {}, true), MOD), phase).toBe(false)
    }
  })

  it('writes drafts only while collecting privately', () => {
    expect(writesDrafts(board('sammeln'))).toBe(true)
    expect(writesDrafts(board('sammeln', { privateWriting: false }))).toBe(false)
    for (const phase of PHASES.filter((p) => p !== 'sammeln')) expect(writesDrafts(board(phase)), phase).toBe(false)
  })

  it('lets moderators cluster always, participants only when allowed and not read-only', () => {
    expect(mayCluster(board('clustern'), MOD)).toBe(true)
    expect(mayCluster(board('clustern', {}, true), MOD)).toBe(true)
    expect(mayCluster(board('clustern'), PART)).toBe(false)
    expect(mayCluster(board('clustern', { participantsCluster: true }), PART)).toBe(true)
    expect(mayCluster(board('clustern', { participantsCluster: true }, true), PART)).toBe(false)
    expect(mayCluster(board('abschluss', { participantsCluster: true }), PART)).toBe(false)
    // Editing actions is a separate switch.
    expect(mayCluster(board('clustern', { participantsEditActions: true }), PART)).toBe(false)
  })

  it('lets moderators edit actions always, participants only when allowed and not read-only', () => {
    expect(mayEditActions(board('massnahmen'), MOD)).toBe(true)
    expect(mayEditActions(board('abschluss', {}, true), MOD)).toBe(true)
    expect(mayEditActions(board('massnahmen'), PART)).toBe(false)
    expect(mayEditActions(board('massnahmen', { participantsEditActions: true }), PART)).toBe(true)
    expect(mayEditActions(board('massnahmen', { participantsEditActions: true }, true), PART)).toBe(false)
    expect(mayEditActions(board('abschluss', { participantsEditActions: true }), PART)).toBe(false)
    expect(mayEditActions(board('massnahmen', { participantsCluster: true }), PART)).toBe(false)
  })

  it('allows votes only in abstimmen while the vote is open and the board is writable', () => {
    for (const phase of PHASES) {
      expect(mayVote({ ...board(phase), votesRevealed: false }, PART), phase).toBe(phase === 'abstimmen')
      expect(mayVote({ ...board(phase), votesRevealed: false }, MOD), phase).toBe(phase === 'abstimmen')
    }
    expect(mayVote({ ...board('abstimmen'), votesRevealed: true }, PART)).toBe(false)
    expect(mayVote({ ...board('abstimmen'), votesRevealed: true }, MOD)).toBe(false)
    expect(mayVote({ ...board('abstimmen', {}, true), votesRevealed: false }, PART)).toBe(false)
    expect(mayVote({ ...board('abstimmen', {}, true), votesRevealed: false }, MOD)).toBe(true)
  })

  it('lets moderators download the report always, participants only when allowed, locked or not', () => {
    for (const phase of PHASES) {
      expect(mayExport(board(phase, {}, true), MOD), phase).toBe(true)
      expect(mayExport(board(phase), PART), phase).toBe(false)
      expect(mayExport(board(phase, { participantsExport: true }, true), PART), phase).toBe(true)
    }
  })

  it('lets only moderators moderate', () => {
    expect(mayModerate(MOD)).toBe(true)
    expect(mayModerate(PART)).toBe(false)
  })
})
