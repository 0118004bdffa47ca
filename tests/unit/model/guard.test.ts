import * as Y from 'yjs'
import { beforeEach, describe, expect, it } from 'vitest'
import { initBoard, setQuestion, setTitle } from '../../../model/board'
import { describeUpdate, InvalidUpdate } from '../../../model/changes'
import type { Write } from '../../../model/changes'
import { boardFacts } from '../../../model/facts'
import type { Actor } from '../../../model/identity'
import { LIMITS } from '../../../model/limits'
import { addNote, deleteNote, editNoteText, moveNote, noteText } from '../../../model/notes'
import { checkUpdate } from '../../../model/rules'
import { actionsOf, clustersOf, metaOf, notesOf, progressOf, votesOf } from '../../../model/schema'
import { setSetting } from '../../../model/settings'
import { toBoardView } from '../../../model/view'
import { addAction, updateAction } from '../../../model/agreements'
import { createCluster, groupNotes, groupSelected, removeFromCluster, renameCluster } from '../../../model/clusters'
import { setFocus } from '../../../model/focus'
import { changePhase, planPhaseChange, setLocked, setPhase, setVotesRevealed } from '../../../model/phases'
import {
  addDraft,
  ballotOf,
  castVote,
  declarePrivateRoots,
  deleteDraft,
  draftsOf,
  editDraft,
  moveDraft,
  setDone,
  statusOf,
} from '../../../model/privateDoc'
import { MAX_TIMER_MS, pauseTimer, resumeTimer, startTimer, stopTimer } from '../../../model/timer'
import type { TimerState } from '../../../model/timer'
import { guard, guardPrivate } from '../../helpers/guard'
import { capture, captureOne, clientOf, newDoc } from '../../helpers/peers'

/**
 * The server guard: `checkUpdate(actor, describeUpdate(server, update), boardFacts(server))`, then apply. Every
 * update here is a real one, emitted by a client doc that first synced with the server.
 */
const alice: Actor = { participantId: 'alice-id', role: 'participant' }
const bob: Actor = { participantId: 'bob-id', role: 'participant' }
const mod: Actor = { participantId: 'mod-id', role: 'moderator' }

let server: Y.Doc
let aliceNote: string
let bobNote: string

/** Brings a client up to date with the server, as the server's broadcasts would. */
function pull(client: Y.Doc): Y.Doc {
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
  return client
}

function invalid(update: Uint8Array): string {
  try {
    describeUpdate(server, update)
  } catch (error) {
    if (error instanceof InvalidUpdate) return error.code
    throw error
  }
  throw new Error('expected InvalidUpdate')
}

function code(actor: Actor, update: Uint8Array): string | null {
  return guard(server, actor, update)?.code ?? null
}

/** One attempt by a client that has just synced: a rejected update leaves that client ahead of the server. */
function attempt(actor: Actor, change: (client: Y.Doc) => unknown): string | null {
  const client = clientOf(server)
  return code(actor, captureOne(client, () => change(client)))
}

function invalidFrom(change: (client: Y.Doc) => unknown): string {
  const client = clientOf(server)
  return invalid(captureOne(client, () => change(client)))
}

function serverText(id: string): string {
  return noteText(server, id).toString()
}

beforeEach(() => {
  server = newDoc()
  initBoard(server, { title: 'Retro', createdAt: 1 })
  // These tests are about notes on the board: collecting is open, not private.
  setSetting(server, 'privateWriting', false)
  const a = clientOf(server)
  const created = captureOne(a, () => {
    aliceNote = addNote(a, { zone: 'steigen', text: 'Alice schreibt', author: alice.participantId })
  })
  expect(guard(server, alice, created)).toBeNull()
  const b = clientOf(server)
  const createdB = captureOne(b, () => {
    bobNote = addNote(b, { zone: 'steigen', text: 'Bob schreibt', author: bob.participantId })
  })
  expect(guard(server, bob, createdB)).toBeNull()
})

describe('guard: notes', () => {
  it('lets a participant create its own note', () => {
    const client = clientOf(server)
    let id = ''
    const update = captureOne(client, () => {
      id = addNote(client, { zone: 'einheizen', text: 'Mehr Pausen', author: alice.participantId })
    })
    const description = describeUpdate(server, update)
    expect(description.sizes).toEqual({ notes: 3, clusters: 0, actions: 0, bericht: 0 })
    expect(description.writes).toContainEqual(expect.objectContaining({ kind: 'create', root: 'notes', id, replaces: false }))
    expect(description.writes).toContainEqual({ kind: 'text', root: 'notes', id, isNew: true, length: 'Mehr Pausen'.length })
    expect(code(alice, update)).toBeNull()
    expect(toBoardView(server).zones.einheizen.notes.map((n) => n.text)).toEqual(['Mehr Pausen'])
  })

  it('refuses a note written in someone else’s name', () => {
    const client = clientOf(server)
    const update = captureOne(client, () => addNote(client, { zone: 'einheizen', text: 'Fake', author: bob.participantId }))
    expect(code(alice, update)).toBe('notAllowed')
    expect(toBoardView(server).noteCount).toBe(2)
    // Not even a moderator writes in another person's name.
    expect(code(mod, update)).toBe('notAllowed')
  })

  it('lets a participant edit, move and delete its own note', () => {
    const client = clientOf(server)
    expect(code(alice, captureOne(client, () => editNoteText(client, aliceNote, 'Alice schreibt mehr')))).toBeNull()
    expect(serverText(aliceNote)).toBe('Alice schreibt mehr')
    expect(code(alice, captureOne(client, () => moveNote(client, aliceNote, { zone: 'untenHalten' })))).toBeNull()
    expect(toBoardView(server).zones.untenHalten.notes.map((n) => n.id)).toEqual([aliceNote])
    pull(client)
    expect(code(alice, captureOne(client, () => moveNote(client, aliceNote, { zone: 'steigen', beforeId: bobNote })))).toBeNull()
    expect(toBoardView(server).zones.steigen.notes.map((n) => n.id)).toEqual([aliceNote, bobNote])
    expect(code(alice, captureOne(client, () => deleteNote(client, aliceNote)))).toBeNull()
    expect(notesOf(server).has(aliceNote)).toBe(false)
  })

  it('describes a move as one order write, without a separate field removal', () => {
    const client = clientOf(server)
    const update = captureOne(client, () => moveNote(client, aliceNote, { zone: 'einheizen' }))
    const writes = describeUpdate(server, update).writes
    expect(writes.map((w) => [w.kind, 'key' in w ? w.key : null, 'deleted' in w ? w.deleted : null]).sort()).toEqual([
      ['field', 'order', false],
      ['field', 'zone', false],
    ])
  })

  it('refuses editing, moving or deleting another person’s note', () => {
    expect(attempt(alice, (c) => editNoteText(c, bobNote, 'Bob schreibt Unsinn'))).toBe('notAllowed')
    expect(attempt(alice, (c) => noteText(c, bobNote).insert(0, '!'))).toBe('notAllowed')
    expect(attempt(alice, (c) => noteText(c, bobNote).delete(0, 3))).toBe('notAllowed')
    expect(attempt(alice, (c) => moveNote(c, bobNote, { zone: 'einheizen' }))).toBe('notAllowed')
    expect(attempt(alice, (c) => moveNote(c, bobNote, { zone: 'steigen', beforeId: aliceNote }))).toBe('notAllowed')
    expect(attempt(alice, (c) => deleteNote(c, bobNote))).toBe('notAllowed')
    // The same changes by its author are fine.
    expect(attempt(bob, (c) => moveNote(c, bobNote, { zone: 'steigen', beforeId: aliceNote }))).toBeNull()
    const view = toBoardView(server)
    expect(view.zones.steigen.notes.map((n) => [n.id, n.text])).toEqual([
      [bobNote, 'Bob schreibt'],
      [aliceNote, 'Alice schreibt'],
    ])
  })

  it('refuses replacing another person’s note under the same id', () => {
    const client = clientOf(server)
    const update = captureOne(client, () => {
      const note = new Y.Map<unknown>()
      note.set('zone', 'steigen')
      note.set('text', new Y.Text('gekapert'))
      note.set('author', alice.participantId)
      note.set('createdAt', 1_760_000_000_001)
      note.set('order', 'a0')
      note.set('clusterId', null)
      notesOf(client).set(bobNote, note)
    })
    expect(code(alice, update)).toBe('notAllowed')
    expect(serverText(bobNote)).toBe('Bob schreibt')
  })

  it('lets the moderator edit, move and delete any note', () => {
    const client = clientOf(server)
    expect(code(mod, captureOne(client, () => editNoteText(client, bobNote, 'Bob schreibt klar')))).toBeNull()
    expect(serverText(bobNote)).toBe('Bob schreibt klar')
    expect(code(mod, captureOne(client, () => moveNote(client, bobNote, { zone: 'einheizen' })))).toBeNull()
    expect(code(mod, captureOne(client, () => deleteNote(client, aliceNote)))).toBeNull()
    expect(code(mod, captureOne(client, () => deleteNote(client, bobNote)))).toBeNull()
    expect(toBoardView(server).noteCount).toBe(0)
  })

  it('refuses changing a note’s author, creation time or cluster, even on one’s own note', () => {
    const note = (c: Y.Doc) => notesOf(c).get(aliceNote)!
    expect(attempt(alice, (c) => note(c).set('author', 'alice-id'))).toBe('notAllowed')
    expect(attempt(alice, (c) => note(c).set('createdAt', 5))).toBe('notAllowed')
    expect(attempt(alice, (c) => note(c).set('clusterId', 'c1'))).toBe('notAllowed')
    expect(attempt(alice, (c) => note(c).set('text', new Y.Text('neu')))).toBe('notAllowed')
    expect(attempt(mod, (c) => note(c).set('author', 'mod-id'))).toBe('notAllowed')
    // Setting the cluster back to none is fine.
    expect(attempt(alice, (c) => note(c).set('clusterId', null))).toBeNull()
  })

  it('refuses invalid zones and order keys', () => {
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.set('zone', 'keller'))).toBe('invalid')
    // Alphanumeric, but not a fractional index: it would break orderBetween for the whole zone.
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.set('order', 'b'))).toBe('invalid')
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.set('order', 'a0 ; drop'))).toBe('invalid')
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.set('order', 'a5'))).toBeNull()
    // The zone still works for everyone.
    const later = clientOf(server)
    expect(code(bob, captureOne(later, () => addNote(later, { zone: 'steigen', text: 'noch eine', author: 'bob-id' })))).toBeNull()
  })

  it('refuses removing a field of a note on its own, which would break ordering for everyone', () => {
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.delete('order'))).toBe('invalid')
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.delete('zone'))).toBe('invalid')
    expect(attempt(mod, (c) => notesOf(c).get(aliceNote)!.delete('order'))).toBe('invalid')
    // Set and removed again in one update (a client without garbage collection sends both).
    const noGc = new Y.Doc({ gc: false })
    Y.applyUpdate(noGc, Y.encodeStateAsUpdate(server))
    const both = captureOne(noGc, () =>
      noGc.transact(() => {
        notesOf(noGc).get(aliceNote)!.set('order', 'a7')
        notesOf(noGc).get(aliceNote)!.delete('order')
      }),
    )
    expect(code(alice, both)).toBe('invalid')
    const later = clientOf(server)
    expect(() => addNote(later, { zone: 'steigen', text: 'geht noch', author: 'bob-id' })).not.toThrow()
    expect(toBoardView(server).zones.steigen.notes.map((n) => n.id)).toEqual([aliceNote, bobNote])
  })

  it('refuses notes beyond the board limit', () => {
    server.transact(() => {
      for (let i = notesOf(server).size; i < LIMITS.notesPerBoard; i++) notesOf(server).set(`n${i}`, new Y.Map())
    })
    const client = clientOf(server)
    const update = captureOne(client, () => {
      const note = new Y.Map<unknown>()
      note.set('zone', 'steigen')
      note.set('text', new Y.Text('eine zu viel'))
      note.set('author', alice.participantId)
      note.set('order', 'a0')
      notesOf(client).set('one-too-many', note)
    })
    expect(code(alice, update)).toBe('boardFull')
  })
})

describe('guard: meta', () => {
  it('refuses a participant writing the title or a question', () => {
    expect(attempt(alice, (c) => setTitle(c, 'Meins'))).toBe('notAllowed')
    expect(attempt(alice, (c) => setQuestion(c, 'steigen', 'Frage?'))).toBe('notAllowed')
    expect(attempt(alice, (c) => metaOf(c).set('locale', 'en'))).toBe('notAllowed')
    expect(toBoardView(server).title).toBe('Retro')
    expect(toBoardView(server).zones.steigen.question).toBeNull()
  })

  it('lets the moderator set the title, a question, and reset the question', () => {
    const client = clientOf(server)
    expect(code(mod, captureOne(client, () => setTitle(client, 'Retro Q4')))).toBeNull()
    expect(toBoardView(server).title).toBe('Retro Q4')
    expect(code(mod, captureOne(client, () => setQuestion(client, 'steigen', 'Was trägt?')))).toBeNull()
    expect(code(mod, captureOne(client, () => setQuestion(client, 'steigen', 'Was trägt uns?')))).toBeNull()
    expect(toBoardView(server).zones.steigen.question).toBe('Was trägt uns?')
    expect(code(mod, captureOne(client, () => setQuestion(client, 'steigen', '')))).toBeNull()
    expect(toBoardView(server).zones.steigen.question).toBeNull()
  })

  it('refuses the moderator removing the title, or a title over the limit', () => {
    expect(attempt(mod, (c) => metaOf(c).delete('title'))).toBe('invalid')
    expect(attempt(mod, (c) => metaOf(c).set('title', 'T'.repeat(LIMITS.titleLength + 1)))).toBe('tooLong')
    expect(attempt(mod, (c) => metaOf(c).set('locale', 'fr'))).toBe('invalid')
    expect(attempt(mod, (c) => metaOf(c).set('v', 2))).toBe('notAllowed')
    expect(toBoardView(server).title).toBe('Retro')
  })
})

describe('guard: text length', () => {
  it('accepts text up to the limit and refuses an insert beyond it', () => {
    const client = clientOf(server)
    const fill = LIMITS.noteLength - serverText(aliceNote).length
    expect(code(alice, captureOne(client, () => noteText(client, aliceNote).insert(0, 'x'.repeat(fill))))).toBeNull()
    expect(noteText(server, aliceNote).length).toBe(LIMITS.noteLength)
    const update = captureOne(client, () => noteText(client, aliceNote).insert(3, 'y'))
    expect(describeUpdate(server, update).writes).toContainEqual(
      expect.objectContaining({ kind: 'text', root: 'notes', id: aliceNote, isNew: false, length: LIMITS.noteLength + 1 }),
    )
    expect(code(alice, update)).toBe('tooLong')
    expect(noteText(server, aliceNote).length).toBe(LIMITS.noteLength)
    // A moderator is held to the same limit.
    expect(code(mod, update)).toBe('tooLong')
    // Replacing characters in one update keeps the length and is fine.
    const swap = (c: Y.Doc) =>
      c.transact(() => {
        noteText(c, aliceNote).delete(0, 1)
        noteText(c, aliceNote).insert(0, 'z')
      })
    expect(attempt(alice, swap)).toBeNull()
    expect(serverText(aliceNote)[0]).toBe('z')
  })

  it('refuses a note created already too long', () => {
    const tooLong = (length: number) => {
      const client = clientOf(server)
      return captureOne(client, () => {
        const note = new Y.Map<unknown>()
        note.set('zone', 'steigen')
        note.set('text', new Y.Text('n'.repeat(length)))
        note.set('author', alice.participantId)
        note.set('createdAt', 1_760_000_000_002)
        note.set('order', 'a5')
        note.set('clusterId', null)
        notesOf(client).set(`long-${length}`, note)
      })
    }
    expect(code(alice, tooLong(LIMITS.noteLength + 1))).toBe('tooLong')
    expect(notesOf(server).has(`long-${LIMITS.noteLength + 1}`)).toBe(false)
    expect(code(alice, tooLong(LIMITS.noteLength))).toBeNull()
  })

  it('counts the text a new note really has when part of it was typed and deleted offline', () => {
    const client = clientOf(server)
    const update = captureOne(client, () => client.transact(() => {
      const text = new Y.Text()
      const note = new Y.Map<unknown>()
      note.set('zone', 'steigen')
      note.set('text', text)
      note.set('author', alice.participantId)
      note.set('createdAt', 1_760_000_000_002)
      note.set('order', 'a5')
      note.set('clusterId', null)
      notesOf(client).set('sneaky', note)
      text.insert(0, 'x'.repeat(3 * LIMITS.noteLength))
      text.delete(0, LIMITS.noteLength)
    }))
    expect(noteText(client, 'sneaky').length).toBe(2 * LIMITS.noteLength)
    expect(describeUpdate(server, update).writes).toContainEqual(
      expect.objectContaining({ kind: 'text', root: 'notes', id: 'sneaky', isNew: true, length: 2 * LIMITS.noteLength }),
    )
    expect(code(alice, update)).toBe('tooLong')
  })

  it('counts typed-and-deleted text the same when sent as separate updates and as one', () => {
    const client = clientOf(server)
    const start = Y.encodeStateVector(server)
    const separate = capture(client, () => {
      noteText(client, aliceNote).insert(0, 'abc')
      noteText(client, aliceNote).delete(0, 2)
    })
    const merged = Y.encodeStateAsUpdate(client, start)
    const lengthIn = (update: Uint8Array) =>
      describeUpdate(server, update).writes.find((w) => w.kind === 'text' && w.id === aliceNote)
    expect(lengthIn(merged)).toMatchObject({ length: 'Alice schreibt'.length + 1 })
    expect(guard(server, alice, separate[0]!)).toBeNull()
    expect(lengthIn(separate[1]!)).toMatchObject({ length: 'Alice schreibt'.length + 1 })
  })
})

describe('guard: malformed and foreign updates', () => {
  it('rejects garbage bytes as malformed', () => {
    expect(invalid(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('malformed')
    const client = clientOf(server)
    const real = captureOne(client, () => addNote(client, { zone: 'steigen', text: 'abgeschnitten', author: 'alice-id' }))
    expect(invalid(real.slice(0, real.length - 5))).toBe('malformed')
  })

  it('rejects an update whose structs skip clocks as missing', () => {
    const client = clientOf(server)
    const [first, second] = capture(client, () => {
      addNote(client, { zone: 'steigen', text: 'eins', author: 'alice-id' })
      addNote(client, { zone: 'steigen', text: 'zwei', author: 'alice-id' })
    })
    expect(invalid(second!)).toBe('missing')
    expect(code(alice, first!)).toBeNull()
    expect(code(alice, second!)).toBeNull()
  })

  it('rejects an update that builds on structs the server has not seen', () => {
    const a = clientOf(server)
    const b = clientOf(server)
    let id = ''
    const created = captureOne(a, () => {
      id = addNote(a, { zone: 'steigen', text: 'unterwegs', author: 'alice-id' })
    })
    Y.applyUpdate(b, created)
    const edit = captureOne(b, () => noteText(b, id).insert(0, '!'))
    expect(invalid(edit)).toBe('missing')
    const removal = captureOne(b, () => noteText(b, id).delete(0, 3))
    expect(invalid(removal)).toBe('missing')
  })

  it('rejects writes to an unknown root type as schema', () => {
    expect(invalidFrom((c) => c.getMap('evil').set('x', 1))).toBe('schema')
    expect(invalidFrom((c) => c.getText('notes2').insert(0, 'x'))).toBe('schema')
    // The guard lets the error through: nothing is applied.
    expect(() => attempt(mod, (c) => c.getMap('evil').set('x', 1))).toThrow(InvalidUpdate)
    expect(server.share.has('evil')).toBe(false)
  })

  it('rejects notes of the wrong shape as schema', () => {
    expect(invalidFrom((c) => notesOf(c).get(aliceNote)!.set('color', 'red'))).toBe('schema')
    expect(invalidFrom((c) => noteText(c, aliceNote).insertEmbed(0, { img: 'x' }))).toBe('schema')
    expect(invalidFrom((c) => noteText(c, aliceNote).format(0, 2, { bold: true }))).toBe('schema')
    expect(invalidFrom((c) => (notesOf(c) as Y.Map<unknown>).set('flat', 'text'))).toBe('schema')
    // A key the model's MetaKey does not have: only a hostile client writes it.
    expect(invalidFrom((c) => (metaOf(c) as Y.Map<unknown>).set('nested', new Y.Map()))).toBe('schema')
  })

  it('finds no writes in an update the server already has', () => {
    const client = clientOf(server)
    const updates = [
      captureOne(client, () => editNoteText(client, aliceNote, 'Alice schreibt neu')),
      captureOne(client, () => moveNote(client, aliceNote, { zone: 'einheizen' })),
      captureOne(client, () => deleteNote(client, aliceNote)),
    ]
    for (const update of updates) expect(guard(server, alice, update)).toBeNull()
    const before = Y.encodeStateAsUpdate(server)
    for (const update of updates) {
      expect(describeUpdate(server, update).writes).toEqual([])
      // Even for someone who could not have made it: nothing changes.
      expect(checkUpdate(bob, describeUpdate(server, update), boardFacts(server))).toBeNull()
    }
    expect(Y.encodeStateAsUpdate(server)).toEqual(before)
  })
})

describe('guard: sync step 2 after offline edits', () => {
  /** Writes without their order, so that one update and many can be compared. */
  function normalise(writes: readonly Write[]): string[] {
    return writes.map((w) => JSON.stringify(w)).sort()
  }

  /** Offline edits, as separate updates and as the one update sync step 2 would send. */
  function offline(edits: (client: Y.Doc) => void): { separate: Uint8Array[]; full: Uint8Array; client: Y.Doc } {
    const client = clientOf(server)
    const separate = capture(client, () => edits(client))
    return { separate, full: Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), client }
  }

  /** The guard's verdict on the updates one by one, on a copy of the server; the first rejection wins. */
  function oneByOne(actor: Actor, updates: readonly Uint8Array[]): { verdict: string | null; writes: Write[]; doc: Y.Doc } {
    const doc = newDoc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const writes: Write[] = []
    for (const update of updates) {
      const description = describeUpdate(doc, update)
      writes.push(...description.writes)
      const rejection = checkUpdate(actor, description, boardFacts(doc))
      if (rejection) return { verdict: rejection.code, writes, doc }
      Y.applyUpdate(doc, update)
    }
    return { verdict: null, writes, doc }
  }

  const scenarios: [string, (c: Y.Doc) => void, Record<'alice' | 'bob' | 'mod', string | null>][] = [
    [
      'own notes: edit, move, add, edit new, add and delete, delete',
      (c) => {
        editNoteText(c, aliceNote, 'Alice schreibt offline')
        moveNote(c, aliceNote, { zone: 'untenHalten' })
        const id = addNote(c, { zone: 'einheizen', text: 'Neu offline', author: 'alice-id' })
        editNoteText(c, id, 'Neu offline, geändert')
        moveNote(c, id, { zone: 'einheizen', beforeId: null })
        const gone = addNote(c, { zone: 'einheizen', text: 'Gleich weg', author: 'alice-id' })
        deleteNote(c, gone)
        addNote(c, { zone: 'steigen', text: 'Noch eine', author: 'alice-id' })
        deleteNote(c, aliceNote)
      },
      { alice: null, bob: 'notAllowed', mod: 'notAllowed' },
    ],
    ['edit of a foreign note', (c) => editNoteText(c, bobNote, 'Bob schreibt, sagt Alice'), { alice: 'notAllowed', bob: null, mod: null }],
    [
      'move of a foreign note after an own edit',
      (c) => {
        editNoteText(c, aliceNote, 'Alice schreibt weiter')
        moveNote(c, bobNote, { zone: 'einheizen' })
      },
      { alice: 'notAllowed', bob: 'notAllowed', mod: null },
    ],
    [
      'edit, then delete of a foreign note',
      (c) => {
        editNoteText(c, bobNote, 'Bob schreibt gleich nichts mehr')
        deleteNote(c, bobNote)
      },
      { alice: 'notAllowed', bob: null, mod: null },
    ],
    ['title', (c) => setTitle(c, 'Offline-Titel'), { alice: 'notAllowed', bob: 'notAllowed', mod: null }],
    [
      'text that grows past the limit over two edits',
      (c) => {
        noteText(c, aliceNote).insert(0, 'a'.repeat(LIMITS.noteLength / 2))
        noteText(c, aliceNote).insert(0, 'b'.repeat(LIMITS.noteLength / 2))
      },
      { alice: 'tooLong', bob: 'notAllowed', mod: 'tooLong' },
    ],
  ]

  for (const [name, edits, expected] of scenarios) {
    it(`classifies the full state like the separate updates: ${name}`, () => {
      const { separate, full, client } = offline(edits)
      expect(separate.length).toBeGreaterThan(0)
      for (const [who, actor] of [['alice', alice], ['bob', bob], ['mod', mod]] as const) {
        const whole = checkUpdate(actor, describeUpdate(server, full), boardFacts(server))?.code ?? null
        const single = oneByOne(actor, separate)
        expect([who, whole], 'full state').toEqual([who, expected[who]])
        expect([who, single.verdict], 'separate updates').toEqual([who, expected[who]])
        if (expected[who] === null) {
          const doc = newDoc()
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
          expect(guard(doc, actor, full)).toBeNull()
          expect(toBoardView(doc)).toEqual(toBoardView(client))
          expect(toBoardView(single.doc)).toEqual(toBoardView(client))
        }
      }
    })
  }

  it('describes offline edits of existing notes with the same writes either way', () => {
    const { separate, full } = offline((c) => {
      editNoteText(c, aliceNote, 'Alice schreibt offline')
      moveNote(c, aliceNote, { zone: 'untenHalten' })
      editNoteText(c, bobNote, 'Bob schreibt, sagt Alice')
      moveNote(c, bobNote, { zone: 'einheizen' })
      setQuestion(c, 'einheizen', 'Was noch?')
    })
    const whole = normalise(describeUpdate(server, full).writes)
    expect(whole).toEqual(normalise(oneByOne(mod, separate).writes))
    // Text, zone and order of each note, and the question.
    expect(whole).toHaveLength(7)
  })

  it('describes a deletion after offline edits as one note deletion', () => {
    const { full } = offline((c) => {
      editNoteText(c, bobNote, 'Bob schreibt gleich nichts mehr')
      moveNote(c, bobNote, { zone: 'einheizen' })
      deleteNote(c, bobNote)
    })
    expect(describeUpdate(server, full).writes).toEqual([{ kind: 'delete', root: 'notes', id: bobNote }])
  })
})

/** A change the moderator makes through the guard, which must pass. */
function moderate(change: (client: Y.Doc) => unknown): void {
  expect(attempt(mod, change)).toBeNull()
}

describe('guard: phases and settings', () => {
  it('refuses a participant changing the phase and lets the moderator do it', () => {
    expect(attempt(alice, (c) => setPhase(c, 'clustern'))).toBe('notAllowed')
    expect(boardFacts(server).phase).toBe('sammeln')
    moderate((c) => setPhase(c, 'clustern'))
    expect(boardFacts(server).phase).toBe('clustern')
    // Any phase may follow any other, also backwards.
    moderate((c) => setPhase(c, 'sammeln'))
    expect(boardFacts(server).phase).toBe('sammeln')
  })

  it('refuses leaving Abstimmen with the vote open; the planned change ends it on the way', () => {
    moderate((c) => setPhase(c, 'abstimmen'))
    expect(attempt(mod, (c) => setPhase(c, 'massnahmen'))).toBe('voteOpen')
    expect(attempt(mod, (c) => setPhase(c, 'clustern'))).toBe('voteOpen')
    expect(boardFacts(server)).toMatchObject({ phase: 'abstimmen', votesRevealed: false })
    moderate((c) => changePhase(c, planPhaseChange(boardFacts(c), 'massnahmen')))
    expect(boardFacts(server)).toMatchObject({ phase: 'massnahmen', votesRevealed: true })
  })

  it('refuses a phase that does not exist, or none at all', () => {
    expect(attempt(mod, (c) => metaOf(c).set('phase', 'vote'))).toBe('invalid')
    expect(attempt(mod, (c) => metaOf(c).set('phase', 3))).toBe('invalid')
    expect(attempt(mod, (c) => metaOf(c).delete('phase'))).toBe('invalid')
    expect(metaOf(server).get('phase')).toBe('sammeln')
  })

  it('lets only the moderator change settings, and only to valid values', () => {
    expect(attempt(alice, (c) => setSetting(c, 'participantsCluster', true))).toBe('notAllowed')
    moderate((c) => setSetting(c, 'votesPerPerson', 10))
    moderate((c) => setSetting(c, 'anonymous', true))
    expect(boardFacts(server).settings).toMatchObject({ votesPerPerson: 10, anonymous: true })
    const set = (name: string, value: unknown) => attempt(mod, (c) => metaOf(c).set(`setting.${name}`, value))
    expect(set('votesPerPerson', 0)).toBe('invalid')
    expect(set('votesPerPerson', 21)).toBe('invalid')
    expect(set('votesPerPerson', 2.5)).toBe('invalid')
    expect(set('votesPerPerson', '5')).toBe('invalid')
    expect(set('maxVotesPerItem', -1)).toBe('invalid')
    expect(set('anonymous', 'yes')).toBe('invalid')
    expect(set('privateWriting', null)).toBe('invalid')
    expect(set('bogus', true)).toBe('notAllowed')
    expect(attempt(mod, (c) => metaOf(c).delete('setting.votesPerPerson'))).toBe('invalid')
    expect(boardFacts(server).settings).toMatchObject({ votesPerPerson: 10, anonymous: true })
  })

  it('refuses everyone the schema version and creation time, and checks the other meta keys', () => {
    for (const actor of [alice, mod]) {
      expect(attempt(actor, (c) => metaOf(c).set('v', 2))).toBe('notAllowed')
      expect(attempt(actor, (c) => metaOf(c).set('createdAt', 5))).toBe('notAllowed')
    }
    expect(attempt(mod, (c) => metaOf(c).set('locked', 'yes'))).toBe('invalid')
    expect(attempt(mod, (c) => metaOf(c).set('votesRevealed', 1))).toBe('invalid')
    expect(attempt(mod, (c) => metaOf(c).set('topic', 'T'.repeat(LIMITS.titleLength + 1)))).toBe('tooLong')
    expect(attempt(mod, (c) => setQuestion(c, 'steigen', 'q'.repeat(LIMITS.questionLength + 1)))).toBeNull()
    expect(attempt(mod, (c) => metaOf(c).set('question.steigen', 'q'.repeat(LIMITS.questionLength + 1)))).toBe('tooLong')
    expect(attempt(alice, (c) => setVotesRevealed(c, true))).toBe('notAllowed')
    expect(attempt(alice, (c) => setLocked(c, true))).toBe('notAllowed')
  })
})

describe('guard: read-only board', () => {
  it('locked: participants may change nothing, the moderator still may', () => {
    moderate((c) => setLocked(c, true))
    expect(boardFacts(server).locked).toBe(true)
    expect(attempt(alice, (c) => addNote(c, { zone: 'steigen', text: 'zu spät', author: alice.participantId }))).toBe('readOnly')
    expect(attempt(alice, (c) => editNoteText(c, aliceNote, 'Alice ändert'))).toBe('readOnly')
    expect(attempt(alice, (c) => deleteNote(c, aliceNote))).toBe('readOnly')
    // Even what would be refused anyway is refused as read-only first.
    expect(attempt(alice, (c) => setTitle(c, 'Meins'))).toBe('readOnly')
    expect(attempt(mod, (c) => addNote(c, { zone: 'steigen', text: 'Moderation', author: mod.participantId }))).toBeNull()
    expect(attempt(mod, (c) => editNoteText(c, aliceNote, 'Moderiert'))).toBeNull()
    expect(serverText(aliceNote)).toBe('Moderiert')
    moderate((c) => setLocked(c, false))
    expect(attempt(alice, (c) => editNoteText(c, aliceNote, 'Alice wieder'))).toBeNull()
  })

  it('lets an update through that brings nothing new, even when locked', () => {
    const client = clientOf(server)
    const edit = captureOne(client, () => editNoteText(client, aliceNote, 'Alice, einmal'))
    expect(code(alice, edit)).toBeNull()
    moderate((c) => setLocked(c, true))
    expect(describeUpdate(server, edit).writes).toEqual([])
    expect(code(alice, edit)).toBeNull()
  })

  it('Abschluss: the board is read-only for participants, not for the moderator', () => {
    moderate((c) => setPhase(c, 'abschluss'))
    expect(attempt(alice, (c) => addNote(c, { zone: 'einheizen', text: 'noch was', author: alice.participantId }))).toBe('readOnly')
    expect(attempt(alice, (c) => moveNote(c, aliceNote, { zone: 'einheizen' }))).toBe('readOnly')
    expect(attempt(bob, (c) => addAction(c, { what: 'Nachtrag' }))).toBe('readOnly')
    expect(attempt(mod, (c) => addAction(c, { what: 'Protokoll verschicken', createdAt: 1_760_000_000_003 }))).toBeNull()
    expect(attempt(mod, (c) => deleteNote(c, bobNote))).toBeNull()
  })
})

describe('guard: collecting privately', () => {
  beforeEach(() => moderate((c) => setSetting(c, 'privateWriting', true)))

  it('refuses new notes on the board while collecting privately: they are drafts', () => {
    expect(attempt(alice, (c) => addNote(c, { zone: 'steigen', text: 'öffentlich', author: alice.participantId }))).toBe('notAllowed')
    expect(attempt(mod, (c) => addNote(c, { zone: 'steigen', text: 'öffentlich', author: mod.participantId }))).toBe('notAllowed')
    expect(toBoardView(server).noteCount).toBe(2)
    // Notes already on the board stay editable by their authors.
    expect(attempt(alice, (c) => editNoteText(c, aliceNote, 'Alice schreibt weiter'))).toBeNull()
  })

  it('allows notes on the board again once the phase moves on, or writing is open', () => {
    moderate((c) => setPhase(c, 'aufdecken'))
    expect(attempt(alice, (c) => addNote(c, { zone: 'steigen', text: 'nachgereicht', author: alice.participantId }))).toBeNull()
    moderate((c) => setPhase(c, 'sammeln'))
    moderate((c) => setSetting(c, 'privateWriting', false))
    expect(attempt(alice, (c) => addNote(c, { zone: 'steigen', text: 'offen', author: alice.participantId }))).toBeNull()
  })
})

describe('guard: anonymous board', () => {
  beforeEach(() => moderate((c) => setSetting(c, 'anonymous', true)))

  it('refuses a note that names its author and accepts one without', () => {
    expect(attempt(alice, (c) => addNote(c, { zone: 'steigen', text: 'mit Namen', author: alice.participantId }))).toBe('notAllowed')
    expect(attempt(mod, (c) => addNote(c, { zone: 'steigen', text: 'mit Namen', author: mod.participantId }))).toBe('notAllowed')
    const client = clientOf(server)
    let id = ''
    const update = captureOne(client, () => {
      id = addNote(client, { zone: 'steigen', text: 'ohne Namen', author: null })
    })
    expect(code(alice, update)).toBeNull()
    expect(notesOf(server).get(id)!.has('author')).toBe(false)
    expect(boardFacts(server).noteAuthor(id)).toBeNull()
    // Nobody can prove authorship of an anonymous note: only the moderator changes it.
    expect(attempt(alice, (c) => editNoteText(c, id, 'doch anders'))).toBe('notAllowed')
    expect(attempt(mod, (c) => editNoteText(c, id, 'moderiert'))).toBeNull()
  })
})

describe('guard: clusters', () => {
  beforeEach(() => moderate((c) => setPhase(c, 'clustern')))

  const onlyCluster = () => [...clustersOf(server).keys()][0]!

  it('refuses clustering by a participant unless participants may cluster', () => {
    expect(attempt(alice, (c) => groupNotes(c, aliceNote, bobNote))).toBe('notAllowed')
    expect(attempt(alice, (c) => notesOf(c).get(aliceNote)!.set('clusterId', 'c1'))).toBe('notAllowed')
    expect(clustersOf(server).size).toBe(0)
    moderate((c) => groupNotes(c, aliceNote, bobNote))
    const cluster = onlyCluster()
    expect(notesOf(server).get(bobNote)!.get('clusterId')).toBe(cluster)
    expect(attempt(alice, (c) => renameCluster(c, cluster, 'Zusammen'))).toBe('notAllowed')
    moderate((c) => setSetting(c, 'participantsCluster', true))
    expect(attempt(alice, (c) => renameCluster(c, cluster, 'Zusammen'))).toBeNull()
    expect(attempt(bob, (c) => createCluster(c, { zone: 'einheizen', title: 'Neu', noteIds: [] }))).toBeNull()
    expect(clustersOf(server).size).toBe(2)
  })

  it('lets a participant take its own note out of a cluster, not someone else’s', () => {
    const carol = { participantId: 'carol-id', role: 'participant' } as const
    const c = clientOf(server)
    let carolNote = ''
    expect(code(carol, captureOne(c, () => (carolNote = addNote(c, { zone: 'steigen', text: 'Carol', author: 'carol-id' }))))).toBeNull()
    moderate((m) => createCluster(m, { zone: 'steigen', noteIds: [aliceNote, bobNote, carolNote] }))
    const cluster = onlyCluster()
    expect(attempt(alice, (m) => notesOf(m).get(bobNote)!.set('clusterId', null))).toBe('notAllowed')
    expect(attempt(alice, (m) => removeFromCluster(m, bobNote))).toBe('notAllowed')
    expect(attempt(alice, (m) => removeFromCluster(m, aliceNote))).toBeNull()
    expect(notesOf(server).get(aliceNote)!.get('clusterId')).toBeNull()
    expect(notesOf(server).get(bobNote)!.get('clusterId')).toBe(cluster)
    // Moving one's note to another zone takes it out of its cluster too.
    expect(attempt(bob, (m) => moveNote(m, bobNote, { zone: 'einheizen' }))).toBeNull()
    expect(notesOf(server).get(bobNote)!.get('clusterId')).toBeNull()
    // …but not back into one.
    expect(attempt(bob, (m) => notesOf(m).get(bobNote)!.set('clusterId', cluster))).toBe('notAllowed')
    // The last note leaving empties the cluster, which removes it: that is clustering.
    expect(attempt({ participantId: 'carol-id', role: 'participant' }, (m) => removeFromCluster(m, carolNote))).toBe('notAllowed')
  })

  it('refuses a cluster title over the limit and clusters of the wrong shape', () => {
    moderate((c) => createCluster(c, { zone: 'steigen', title: 'Kurz', noteIds: [aliceNote] }))
    const cluster = onlyCluster()
    const title = (c: Y.Doc) => clustersOf(c).get(cluster)!.get('title') as Y.Text
    const fill = LIMITS.clusterTitleLength - 'Kurz'.length
    expect(attempt(mod, (c) => title(c).insert(0, 'x'.repeat(fill + 1)))).toBe('tooLong')
    expect(attempt(mod, (c) => title(c).insert(0, 'x'.repeat(fill)))).toBeNull()
    expect(title(server).length).toBe(LIMITS.clusterTitleLength)
    const rawCluster = (fields: Record<string, unknown>, text: string) => (c: Y.Doc) => {
      const m = new Y.Map<unknown>()
      m.set('zone', 'steigen')
      m.set('title', new Y.Text(text))
      m.set('order', 'a0')
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) m.delete(key)
        else m.set(key, value)
      }
      clustersOf(c).set('raw', m)
    }
    expect(attempt(mod, rawCluster({}, 't'.repeat(LIMITS.clusterTitleLength + 1)))).toBe('tooLong')
    expect(attempt(mod, rawCluster({ zone: 'keller' }, 'T'))).toBe('invalid')
    expect(attempt(mod, rawCluster({ order: 'b' }, 'T'))).toBe('invalid')
    expect(attempt(mod, rawCluster({ order: undefined }, 'T'))).toBe('invalid')
    expect(attempt(mod, (c) => clustersOf(c).get(cluster)!.set('title', new Y.Text('ersetzt')))).toBe('notAllowed')
    expect(attempt(mod, (c) => clustersOf(c).get(cluster)!.delete('order'))).toBe('invalid')
    expect(attempt(mod, rawCluster({}, 'T'))).toBeNull()
  })

  it('takes several selected notes grouped in one update from those who cluster, from nobody else', () => {
    const carolNote = (() => {
      const c = clientOf(server)
      let id = ''
      expect(code({ participantId: 'carol-id', role: 'participant' }, captureOne(c, () => (id = addNote(c, { zone: 'einheizen', text: 'Carol', author: 'carol-id' }))))).toBeNull()
      return id
    })()
    // attempt() captures exactly one update: the whole grouping is one.
    expect(attempt(alice, (c) => groupSelected(c, [aliceNote, bobNote, carolNote]))).toBe('notAllowed')
    expect(clustersOf(server).size).toBe(0)
    expect(notesOf(server).get(carolNote)!.get('zone')).toBe('einheizen')
    moderate((c) => groupSelected(c, [aliceNote, bobNote, carolNote]))
    const cluster = onlyCluster()
    for (const id of [aliceNote, bobNote, carolNote]) expect(notesOf(server).get(id)!.get('clusterId')).toBe(cluster)
    expect(notesOf(server).get(carolNote)!.get('zone')).toBe('steigen')
    // A participant may group once the moderator allows it; joining the existing cluster is one update too.
    moderate((c) => removeFromCluster(c, bobNote))
    moderate((c) => setSetting(c, 'participantsCluster', true))
    expect(attempt(alice, (c) => groupSelected(c, [bobNote, aliceNote]))).toBeNull()
    expect(notesOf(server).get(bobNote)!.get('clusterId')).toBe(cluster)
    expect(clustersOf(server).size).toBe(1)
  })
})

describe('guard: actions', () => {
  beforeEach(() => moderate((c) => setPhase(c, 'massnahmen')))

  const onlyAction = () => [...actionsOf(server).keys()][0]!

  it('refuses actions by a participant unless participants may edit them', () => {
    expect(attempt(alice, (c) => addAction(c, { what: 'Retro-Format ändern', createdAt: 1_760_000_000_003 }))).toBe('notAllowed')
    moderate((c) => addAction(c, { what: 'Retro-Format ändern', who: 'Alice', until: '2030-01-31', createdAt: 1_760_000_000_003 }))
    const action = onlyAction()
    expect(attempt(alice, (c) => updateAction(c, action, { done: true }))).toBe('notAllowed')
    moderate((c) => setSetting(c, 'participantsEditActions', true))
    expect(attempt(alice, (c) => updateAction(c, action, { done: true, what: 'Retro-Format wechseln' }))).toBeNull()
    expect(attempt(bob, (c) => addAction(c, { what: 'Kuchen', link: bobNote, createdAt: 1_760_000_000_004 }))).toBeNull()
    expect(actionsOf(server).size).toBe(2)
    expect(actionsOf(server).get(action)!.get('done')).toBe(true)
  })

  it('refuses an invalid "bis wann" and other bad fields', () => {
    moderate((c) => addAction(c, { what: 'Doku', createdAt: 1_760_000_000_003 }))
    const action = onlyAction()
    const set = (key: string, value: unknown) => attempt(mod, (c) => actionsOf(c).get(action)!.set(key, value))
    expect(set('until', '2030-02-30')).toBe('invalid')
    expect(set('until', '31.01.2030')).toBe('invalid')
    expect(set('until', 20300131)).toBe('invalid')
    expect(set('until', '2028-02-29')).toBeNull()
    expect(set('until', '')).toBeNull()
    expect(set('who', 'w'.repeat(LIMITS.whoLength + 1))).toBe('tooLong')
    expect(set('who', 7)).toBe('invalid')
    expect(set('done', 'ja')).toBe('invalid')
    expect(set('link', '')).toBe('invalid')
    expect(set('link', null)).toBeNull()
    expect(set('createdAt', 9)).toBe('invalid')
    expect(set('what', new Y.Text('ersetzt'))).toBe('invalid')
    expect(attempt(mod, (c) => actionsOf(c).get(action)!.delete('who'))).toBe('invalid')
    const what = (c: Y.Doc) => actionsOf(c).get(action)!.get('what') as Y.Text
    expect(attempt(mod, (c) => what(c).insert(0, 'x'.repeat(LIMITS.actionLength)))).toBe('tooLong')
  })
})

describe('guard: roots only the server writes', () => {
  it('refuses writing votes or progress, even for the moderator', () => {
    for (const actor of [alice, mod]) {
      expect(attempt(actor, (c) => votesOf(c).set(aliceNote, 3))).toBe('notAllowed')
      expect(attempt(actor, (c) => progressOf(c).set(actor.participantId, { counts: {}, done: true }))).toBe('notAllowed')
    }
    expect(votesOf(server).size).toBe(0)
    expect(progressOf(server).size).toBe(0)
  })
})

describe('guard: timer and focus', () => {
  it('lets the moderator run the timer, with valid states only', () => {
    expect(attempt(alice, (c) => startTimer(c, 60_000, 1000))).toBe('notAllowed')
    moderate((c) => startTimer(c, 5 * 60_000, 1000))
    const timer = () => metaOf(server).get('timer') as TimerState
    expect(timer()).toEqual({ state: 'running', endsAt: 301_000, durationMs: 300_000 })
    moderate((c) => pauseTimer(c, timer(), 61_000))
    expect(timer()).toEqual({ state: 'paused', remainingMs: 240_000, durationMs: 300_000 })
    moderate((c) => resumeTimer(c, timer(), 100_000))
    expect(attempt(alice, (c) => stopTimer(c))).toBe('notAllowed')
    moderate((c) => stopTimer(c))
    expect(metaOf(server).has('timer')).toBe(false)
    const set = (value: unknown) => attempt(mod, (c) => metaOf(c).set('timer', value))
    expect(set({ state: 'running', endsAt: 1, durationMs: 0 })).toBe('invalid')
    expect(set({ state: 'running', endsAt: 1, durationMs: MAX_TIMER_MS + 1 })).toBe('invalid')
    expect(set({ state: 'running', durationMs: 1000 })).toBe('invalid')
    expect(set({ state: 'running', endsAt: 1, durationMs: 1000, extra: true })).toBe('invalid')
    expect(set({ state: 'paused', remainingMs: -1, durationMs: 1000 })).toBe('invalid')
    expect(set({ state: 'stopped', durationMs: 1000 })).toBe('invalid')
    expect(set('5 Minuten')).toBe('invalid')
    expect(set({ state: 'running', endsAt: 1, durationMs: MAX_TIMER_MS })).toBeNull()
  })

  it('lets the moderator set and clear the focus, on a note or cluster only', () => {
    expect(attempt(alice, (c) => setFocus(c, { kind: 'note', id: aliceNote }))).toBe('notAllowed')
    moderate((c) => setFocus(c, { kind: 'note', id: aliceNote }))
    expect(toBoardView(server)).toMatchObject({ focus: { kind: 'note', id: aliceNote } })
    moderate((c) => setFocus(c, null))
    expect(metaOf(server).has('focus')).toBe(false)
    const set = (value: unknown) => attempt(mod, (c) => metaOf(c).set('focus', value))
    expect(set({ kind: 'participant', id: 'alice-id' })).toBe('invalid')
    expect(set({ kind: 'note', id: 'x'.repeat(41) })).toBe('invalid')
    expect(set({ kind: 'note', id: aliceNote, colour: 'red' })).toBe('invalid')
    expect(set(aliceNote)).toBe('invalid')
    expect(set({ kind: 'cluster', id: 'c1' })).toBeNull()
  })
})

describe('guard: a participant’s private doc', () => {
  let privateServer: Y.Doc

  /** A client copy of alice's private doc that has just synced. */
  function privateClient(): Y.Doc {
    const doc = new Y.Doc()
    declarePrivateRoots(doc)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(privateServer))
    return doc
  }

  function attemptPrivate(actor: Actor, change: (client: Y.Doc) => unknown): string | null {
    const client = privateClient()
    return guardPrivate(privateServer, server, actor, captureOne(client, () => change(client)))?.code ?? null
  }

  function invalidPrivate(change: (client: Y.Doc) => unknown): string {
    const client = privateClient()
    const update = captureOne(client, () => change(client))
    try {
      guardPrivate(privateServer, server, alice, update)
    } catch (error) {
      if (error instanceof InvalidUpdate) return error.code
      throw error
    }
    throw new Error('expected InvalidUpdate')
  }

  const limits = { votesPerPerson: 20, maxVotesPerItem: 20 }

  beforeEach(() => {
    privateServer = new Y.Doc()
    declarePrivateRoots(privateServer)
    moderate((c) => setSetting(c, 'privateWriting', true))
  })

  describe('drafts', () => {
    it('lets a participant write, edit, move and delete drafts while collecting', () => {
      const client = privateClient()
      let id = ''
      expect(guardPrivate(privateServer, server, alice, captureOne(client, () => (id = addDraft(client, { zone: 'steigen', text: 'geheim' }))))).toBeNull()
      expect(guardPrivate(privateServer, server, alice, captureOne(client, () => editDraft(client, id, 'noch geheimer')))).toBeNull()
      expect(guardPrivate(privateServer, server, alice, captureOne(client, () => moveDraft(client, id, 'einheizen')))).toBeNull()
      expect(draftsOf(privateServer).get(id)!.get('zone')).toBe('einheizen')
      expect((draftsOf(privateServer).get(id)!.get('text') as Y.Text).toString()).toBe('noch geheimer')
      expect(guardPrivate(privateServer, server, alice, captureOne(client, () => deleteDraft(client, id)))).toBeNull()
      expect(draftsOf(privateServer).size).toBe(0)
    })

    it('refuses a draft over the note length, whether created or grown so', () => {
      const raw = (text: string, zone: unknown = 'steigen') => (c: Y.Doc) => {
        const d = new Y.Map<unknown>()
        d.set('zone', zone)
        d.set('text', new Y.Text(text))
        d.set('createdAt', 1_760_000_000_001)
        draftsOf(c).set('d1', d)
      }
      expect(attemptPrivate(alice, raw('x'.repeat(LIMITS.noteLength + 1)))).toBe('tooLong')
      expect(attemptPrivate(alice, raw('x', 'keller'))).toBe('invalid')
      expect(attemptPrivate(alice, raw('x'.repeat(LIMITS.noteLength)))).toBeNull()
      const text = (c: Y.Doc) => draftsOf(c).get('d1')!.get('text') as Y.Text
      expect(attemptPrivate(alice, (c) => text(c).insert(0, '!'))).toBe('tooLong')
      expect(attemptPrivate(alice, (c) => draftsOf(c).get('d1')!.set('zone', 'keller'))).toBe('invalid')
      expect(attemptPrivate(alice, (c) => draftsOf(c).get('d1')!.set('createdAt', 2))).toBe('invalid')
      expect(attemptPrivate(alice, (c) => draftsOf(c).get('d1')!.delete('zone'))).toBe('invalid')
      expect(invalidPrivate((c) => draftsOf(c).get('d1')!.set('author', 'alice-id'))).toBe('schema')
    })

    it('refuses drafts on a locked board or in Abschluss', () => {
      moderate((c) => setLocked(c, true))
      expect(attemptPrivate(alice, (c) => addDraft(c, { zone: 'steigen', text: 'gesperrt' }))).toBe('readOnly')
      moderate((c) => setLocked(c, false))
      moderate((c) => setPhase(c, 'abschluss'))
      expect(attemptPrivate(alice, (c) => setDone(c, true))).toBe('readOnly')
    })
  })

  describe('ballot', () => {
    let cluster: string

    beforeEach(() => {
      moderate((m) => setPhase(m, 'clustern'))
      const c = clientOf(server)
      let id = ''
      expect(code(alice, captureOne(c, () => (id = addNote(c, { zone: 'einheizen', text: 'Dritte', author: 'alice-id' }))))).toBeNull()
      moderate((m) => createCluster(m, { zone: 'einheizen', title: 'Gruppe', noteIds: [id] }))
      cluster = [...clustersOf(server).keys()][0]!
      moderate((m) => setPhase(m, 'abstimmen'))
    })

    it('refuses votes outside Abstimmen', () => {
      for (const phase of ['sammeln', 'clustern', 'massnahmen'] as const) {
        moderate((m) => changePhase(m, planPhaseChange(boardFacts(m), phase)))
        expect(attemptPrivate(alice, (c) => castVote(c, bobNote, 1, limits))).toBe('notAllowed')
      }
      expect(ballotOf(privateServer).size).toBe(0)
    })

    it('accepts votes on clusters and unclustered notes, refuses clustered notes and unknown ids', () => {
      expect(attemptPrivate(alice, (c) => castVote(c, bobNote, 1, limits))).toBeNull()
      expect(attemptPrivate(alice, (c) => castVote(c, cluster, 1, limits))).toBeNull()
      const clustered = [...notesOf(server).keys()].find((id) => notesOf(server).get(id)!.get('clusterId') === cluster)!
      expect(attemptPrivate(alice, (c) => castVote(c, clustered, 1, limits))).toBe('invalid')
      expect(attemptPrivate(alice, (c) => castVote(c, 'no-such-item', 1, limits))).toBe('invalid')
      expect(Object.fromEntries(ballotOf(privateServer).entries())).toEqual({ [bobNote]: 1, [cluster]: 1 })
    })

    it('refuses more votes per item than allowed', () => {
      expect(attemptPrivate(alice, (c) => ballotOf(c).set(bobNote, 3))).toBeNull()
      expect(attemptPrivate(alice, (c) => ballotOf(c).set(bobNote, 4))).toBe('voteLimit')
      expect(attemptPrivate(alice, (c) => ballotOf(c).set(aliceNote, 4))).toBe('voteLimit')
      for (const bad of [0, -1, 1.5, '1', null]) expect(attemptPrivate(alice, (c) => ballotOf(c).set(aliceNote, bad as number))).toBe('invalid')
    })

    it('refuses more votes in total than allowed, and always allows taking votes back', () => {
      moderate((m) => setSetting(m, 'votesPerPerson', 4))
      expect(attemptPrivate(alice, (c) => ballotOf(c).set(bobNote, 3))).toBeNull()
      expect(attemptPrivate(alice, (c) => ballotOf(c).set(cluster, 1))).toBeNull()
      expect(attemptPrivate(alice, (c) => castVote(c, aliceNote, 1, limits))).toBe('voteLimit')
      // Moving a vote from one item to another in one update keeps the total.
      expect(attemptPrivate(alice, (c) => c.transact(() => {
        ballotOf(c).set(bobNote, 2)
        ballotOf(c).set(aliceNote, 1)
      }))).toBeNull()
      expect(attemptPrivate(alice, (c) => c.transact(() => {
        ballotOf(c).set(bobNote, 3)
        ballotOf(c).delete(aliceNote)
      }))).toBeNull()
      // The moderator lowers both limits below what alice has given: she may still take votes back,
      // one at a time, but not add any.
      moderate((m) => setSetting(m, 'votesPerPerson', 1))
      moderate((m) => setSetting(m, 'maxVotesPerItem', 1))
      expect(attemptPrivate(alice, (c) => castVote(c, cluster, -1, limits))).toBeNull()
      expect(attemptPrivate(alice, (c) => castVote(c, bobNote, -1, limits))).toBeNull()
      expect(attemptPrivate(alice, (c) => castVote(c, bobNote, 1, limits))).toBe('voteLimit')
      expect(Object.fromEntries(ballotOf(privateServer).entries())).toEqual({ [bobNote]: 2 })
    })

    it('refuses votes once they are revealed, taking back included', () => {
      expect(attemptPrivate(alice, (c) => castVote(c, bobNote, 1, limits))).toBeNull()
      moderate((m) => setVotesRevealed(m, true))
      expect(attemptPrivate(alice, (c) => castVote(c, cluster, 1, limits))).toBe('notAllowed')
      expect(attemptPrivate(alice, (c) => castVote(c, bobNote, -1, limits))).toBe('notAllowed')
    })

    it('lets the moderator vote in its own private doc', () => {
      expect(attemptPrivate(mod, (c) => castVote(c, cluster, 1, limits))).toBeNull()
    })
  })

  it('accepts the "fertig" mark, as a boolean only', () => {
    expect(attemptPrivate(alice, (c) => setDone(c, true))).toBeNull()
    expect(statusOf(privateServer).get('done')).toBe(true)
    expect(attemptPrivate(alice, (c) => setDone(c, false))).toBeNull()
    expect(attemptPrivate(alice, (c) => statusOf(c).set('done', 'ja'))).toBe('invalid')
    expect(attemptPrivate(alice, (c) => statusOf(c).set('mood', 'gut'))).toBe('invalid')
    expect(attemptPrivate(alice, (c) => statusOf(c).delete('done'))).toBeNull()
  })

  it('rejects roots that are not part of the private doc as schema', () => {
    expect(invalidPrivate((c) => c.getMap('evil').set('x', 1))).toBe('schema')
    expect(invalidPrivate((c) => notesOf(c).set('n', new Y.Map()))).toBe('schema')
    expect(invalidPrivate((c) => ballotOf(c).set('x', new Y.Map() as unknown as number))).toBe('schema')
    expect(privateServer.share.has('evil')).toBe(false)
  })
})
