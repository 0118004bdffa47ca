import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BERICHT_PARTS, regenerateBerichtPart, startBericht } from '../../../model/bericht'
import type { BerichtPart } from '../../../model/bericht'
import { initBoard } from '../../../model/board'
import type { Actor } from '../../../model/identity'
import { LIMITS } from '../../../model/limits'
import { mayWriteBericht } from '../../../model/permissions'
import { setLocked, setPhase } from '../../../model/phases'
import type { Phase } from '../../../model/phases'
import { InvalidUpdate } from '../../../model/reader/invalid'
import { berichtOf } from '../../../model/schema'
import { setSetting } from '../../../model/settings'
import { toBoardView } from '../../../model/view'
import { guard } from '../../helpers/guard'
import { seededRandom } from '../../helpers/random'
import type { Random } from '../../helpers/random'

// Who may write the Bericht (model/permissions.ts mayWriteBericht, model/rules.ts checkBericht):
// seeded attempts by the moderator and a participant on boards in random states; an independent
// oracle says what must be accepted, and what a participant may never do to the parts is checked
// on the server's doc afterwards. The seed is printed, so a failure can be replayed.

const moderator: Actor = { participantId: 'mod', role: 'moderator' }
const anna: Actor = { participantId: 'anna', role: 'participant' }
const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>
const LENGTHS = [0, 40, LIMITS.berichtPartLength - 1, LIMITS.berichtPartLength, LIMITS.berichtPartLength + 1, 7000]

interface State {
  readonly allowed: boolean
  readonly locked: boolean
  readonly phase: Phase
  readonly started: readonly BerichtPart[]
}

type Attempt =
  | { readonly kind: 'start' }
  | { readonly kind: 'type'; readonly part: BerichtPart; readonly length: number }
  | { readonly kind: 'regenerate' | 'remove'; readonly part: BerichtPart }
  | { readonly kind: 'strangePart' | 'extraField' | 'flipSetting' }

function serverDoc(state: State): Y.Doc {
  const server = new Y.Doc()
  initBoard(server, { title: 'Treffen', settings: { privateWriting: false, participantsWriteBericht: state.allowed } })
  startBericht(server, DRAFT)
  for (const part of BERICHT_PARTS) if (!state.started.includes(part)) berichtOf(server).delete(part)
  setPhase(server, state.phase)
  setLocked(server, state.locked)
  return server
}

function randomAttempt(random: Random): Attempt {
  const part = random.pick(BERICHT_PARTS)
  const kind = random.pick(['start', 'type', 'type', 'regenerate', 'remove', 'strangePart', 'extraField', 'flipSetting'] as const)
  if (kind === 'type') return { kind, part, length: random.pick(LENGTHS) }
  if (kind === 'regenerate' || kind === 'remove') return { kind, part }
  return { kind }
}

/** The attempt as a client's change; typing bypasses the model's own length check, as a hostile client would. */
function perform(doc: Y.Doc, attempt: Attempt, state: State): void {
  const part = 'part' in attempt ? attempt.part : 'fazit'
  switch (attempt.kind) {
    case 'start':
      return startBericht(doc, DRAFT)
    case 'type': {
      if (!state.started.includes(part)) return void berichtOf(doc).set(part, new Y.Map<unknown>([['text', new Y.Text('x'.repeat(attempt.length))]]))
      const text = berichtOf(doc).get(part)!.get('text') as Y.Text
      if (text.length > attempt.length) text.delete(attempt.length, text.length - attempt.length)
      else text.insert(text.length, 'x'.repeat(attempt.length - text.length))
      return
    }
    case 'regenerate':
      return regenerateBerichtPart(doc, part, 'Neu erzeugt')
    case 'remove':
      return berichtOf(doc).delete(part)
    case 'strangePart':
      return void berichtOf(doc).set('anhang', new Y.Map<unknown>([['text', new Y.Text('Fremd')]]))
    case 'extraField':
      return void berichtOf(doc).set(part, new Y.Map<unknown>([['text', new Y.Text('Mit Autor')], ['author', 'anna']]))
    case 'flipSetting':
      return setSetting(doc, 'participantsWriteBericht', !state.allowed)
  }
}

/** Whether the update changes nothing at all (no write reaches the rules). */
function changesNothing(attempt: Attempt, state: State): boolean {
  if (attempt.kind === 'start') return state.started.length === BERICHT_PARTS.length
  if (attempt.kind === 'remove') return !state.started.includes(attempt.part)
  return false
}

/** The oracle, written from the decision (docs/decisions.md), not from rules.ts. */
function mustAccept(actor: Actor, attempt: Attempt, state: State): boolean {
  if (changesNothing(attempt, state)) return true
  const isModerator = actor.role === 'moderator'
  if (attempt.kind === 'flipSetting') return isModerator
  if (!isModerator && (!state.allowed || state.locked)) return false
  switch (attempt.kind) {
    case 'start':
      return true
    case 'type':
      return attempt.length <= LIMITS.berichtPartLength
    case 'regenerate':
      return isModerator || !state.started.includes(attempt.part)
    case 'remove':
      return isModerator
    case 'strangePart':
    case 'extraField':
      return false
  }
}

/** The guard's answer; an update the reader refuses (an unknown field) counts as refused, as on the server. */
function judged(server: Y.Doc, actor: Actor, update: Uint8Array): unknown {
  try {
    return guard(server, actor, update)
  } catch (error) {
    if (error instanceof InvalidUpdate) return { code: 'invalid', detail: error.message }
    throw error
  }
}

describe('who may write the Bericht: the rule the guard applies', () => {
  it('mayWriteBericht: the moderator always; a participant where allowed and the board is not locked, in Abschluss too', () => {
    const board = (allowed: boolean, locked: boolean, phase: Phase) => toBoardView(serverDoc({ allowed, locked, phase, started: [] }))
    expect(mayWriteBericht(board(false, true, 'abschluss'), moderator)).toBe(true)
    expect(mayWriteBericht(board(false, false, 'sammeln'), anna)).toBe(false)
    expect(mayWriteBericht(board(true, false, 'abschluss'), anna)).toBe(true)
    expect(mayWriteBericht(board(true, true, 'sammeln'), anna)).toBe(false)
  })

  it('holds against 800 seeded random attempts', { timeout: 60_000 }, () => {
    const seed = Number(process.env.SEED ?? 1616)
    const random = seededRandom(seed)
    const counts = { accepted: 0, refused: 0 }
    for (let i = 0; i < 800; i++) {
      const state: State = {
        allowed: random.chance(0.6),
        locked: random.chance(0.2),
        phase: random.pick(['sammeln', 'clustern', 'massnahmen', 'abschluss'] as const),
        started: BERICHT_PARTS.filter(() => random.chance(0.7)),
      }
      const actor = random.chance(0.3) ? moderator : anna
      const attempt = randomAttempt(random)
      const server = serverDoc(state)
      const entries = new Map(BERICHT_PARTS.map((part) => [part, berichtOf(server).get(part)]))
      const client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
      const before = Y.encodeStateVector(client)
      perform(client, attempt, state)
      const result = judged(server, actor, Y.encodeStateAsUpdate(client, before))
      const context = `seed ${seed}, attempt ${i}: ${JSON.stringify({ actor: actor.role, attempt, state })}`
      expect(result === null, `${context} -> ${JSON.stringify(result)}`).toBe(mustAccept(actor, attempt, state))
      counts[result === null ? 'accepted' : 'refused']++
      // Whatever got through: known parts only, each within its length, and a participant never
      // replaced or removed a part that was there.
      const root = berichtOf(server)
      for (const key of root.keys()) expect(BERICHT_PARTS as readonly string[], context).toContain(key)
      for (const text of Object.values(toBoardView(server).bericht)) expect(text.length, context).toBeLessThanOrEqual(LIMITS.berichtPartLength)
      if (actor.role !== 'moderator') for (const [part, entry] of entries) if (entry) expect(root.get(part), `${context}: ${part}`).toBe(entry)
    }
    console.log(`bericht rules, seed ${seed}: ${counts.accepted} accepted, ${counts.refused} refused`)
    expect(counts.accepted).toBeGreaterThan(100)
    expect(counts.refused).toBeGreaterThan(100)
  })
})
