import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addNote, deleteNote, editNoteText, moveNote } from '../../../model/notes'
import { compareOrder } from '../../../model/order'
import { LOCAL } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import type { BoardView, NoteView } from '../../../model/view'
import { ZONE_IDS } from '../../../model/zones'
import { newDoc } from '../../helpers/peers'
import { seededRandom } from '../../helpers/random'
import type { Random } from '../../helpers/random'

/**
 * Three peers make random note changes through the model while their updates travel over
 * links that reorder, delay and partition them. Once everything is delivered, all three must
 * show the same board. Replay a failure with FUZZ_SEED=<seed>.
 */
const PEERS = 3
const OPERATIONS = 400
const SEEDS = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [1, 2024, 31337, 0xba11]

const WORDS = ['Team', 'Zeit', 'Meeting', 'Kaffee', 'Ziele', 'Ruhe', '🎈', '🔥', 'ä', 'ß', '👍🏽', 'Fokus', '  ', '\n']

interface Link {
  readonly to: Y.Doc
  queue: Uint8Array[]
  held: boolean
}

function allNotes(view: BoardView): NoteView[] {
  return ZONE_IDS.flatMap((zone) => view.zones[zone].notes)
}

function randomText(random: Random): string {
  const words = Array.from({ length: 1 + random.int(5) }, () => random.pick(WORDS))
  const text = words.join(random.chance(0.7) ? ' ' : '')
  return text.trim() === '' ? 'x' : text
}

/** A plausible edit of `current`: insert, delete or replace a piece, keeping it non-empty and short. */
function editedText(random: Random, current: string): string {
  const chars = Array.from(current)
  const at = random.int(chars.length + 1)
  const choice = random.int(3)
  if (choice === 0) chars.splice(at, 0, ...Array.from(randomText(random)))
  else if (choice === 1) chars.splice(at, 1 + random.int(4))
  else chars.splice(at, 1 + random.int(3), ...Array.from(random.pick(WORDS)))
  const next = chars.slice(0, 120).join('')
  return next.trim() === '' ? randomText(random) : next
}

function step(random: Random, doc: Y.Doc, author: string): void {
  const notes = allNotes(toBoardView(doc))
  const roll = random.next()
  if (notes.length === 0 || roll < 0.3) {
    addNote(doc, { zone: random.pick(ZONE_IDS), text: randomText(random), author })
    return
  }
  const note = random.pick(notes)
  if (roll < 0.55) editNoteText(doc, note.id, editedText(random, note.text))
  else if (roll < 0.88) {
    const zone = random.pick(ZONE_IDS)
    const there = notes.filter((n) => n.zone === zone)
    const beforeId = there.length > 0 && random.chance(0.7) ? random.pick(there).id : null
    moveNote(doc, note.id, { zone, beforeId })
  } else deleteNote(doc, note.id)
}

function deliver(random: Random, link: Link, count: number): void {
  const batch = random.shuffle(link.queue.splice(0, count))
  for (const update of batch) Y.applyUpdate(link.to, update)
}

function runFuzz(seed: number): Y.Doc[] {
  const random = seededRandom(seed)
  const docs = Array.from({ length: PEERS }, () => newDoc())
  const links: Link[][] = docs.map(() => [])
  docs.forEach((from, i) => {
    for (const to of docs) if (to !== from) links[i]!.push({ to, queue: [], held: false })
    // Only a peer's own changes go out; each peer talks to every other directly.
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) for (const link of links[i]!) link.queue.push(update)
    })
  })
  const everyLink = links.flat()

  for (let op = 0; op < OPERATIONS; op++) {
    const peer = random.int(PEERS)
    step(random, docs[peer]!, `peer-${peer}`)
    if (random.chance(0.05)) {
      const link = random.pick(everyLink)
      link.held = !link.held
    }
    if (random.chance(0.4)) {
      const link = random.pick(everyLink)
      // Deliver a shuffled part of the queue: later updates may arrive before earlier ones.
      if (!link.held) deliver(random, link, 1 + random.int(link.queue.length + 1))
    }
  }
  for (const link of everyLink) {
    link.held = false
    deliver(random, link, link.queue.length)
  }
  return docs
}

describe('convergence under reordering and partitions', () => {
  it.each(SEEDS)('three peers converge (seed %i, replay with FUZZ_SEED)', (seed) => {
    const docs = runFuzz(seed)
    const views = docs.map((doc) => toBoardView(doc))
    const first = views[0]!
    for (const view of views.slice(1)) expect(view).toEqual(first)
    for (const doc of docs.slice(1)) expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(docs[0]!))
    // Nothing is left waiting for missing structs.
    for (const doc of docs) expect(doc.store.pendingStructs).toBeNull()

    const notes = allNotes(first)
    expect(notes.length).toBeGreaterThan(5)
    expect(first.noteCount).toBe(notes.length)
    for (const zone of ZONE_IDS) {
      const list = first.zones[zone].notes
      for (let i = 1; i < list.length; i++) expect(compareOrder(list[i - 1]!, list[i]!), `${zone}[${i}]`).toBe(-1)
      for (const note of list) expect(note.zone).toBe(zone)
    }
    for (const note of notes) expect(note.text).not.toContain('\uFFFD')
    // Every peer can still add and move notes after all this concurrency.
    const last = addNote(docs[0]!, { zone: 'steigen', text: 'zum Schluss', author: 'peer-0' })
    moveNote(docs[0]!, last, { zone: 'steigen', beforeId: first.zones.steigen.notes[0]?.id ?? null })
    expect(toBoardView(docs[0]!).zones.steigen.notes[0]?.id).toBe(last)
  })
})
