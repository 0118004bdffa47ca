import * as Y from 'yjs'
import { beforeEach, describe, expect, it } from 'vitest'
import { initBoard, setQuestion, setTitle } from '../../model/board'
import { describeUpdate, InvalidUpdate } from '../../model/changes'
import type { Write } from '../../model/changes'
import { boardFacts } from '../../model/facts'
import type { Actor } from '../../model/identity'
import { LIMITS } from '../../model/limits'
import { addNote, deleteNote, editNoteText, moveNote, noteText } from '../../model/notes'
import { checkUpdate } from '../../model/rules'
import { metaOf, notesOf } from '../../model/schema'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { guard } from '../helpers/guard'
import { capture, captureOne, clientOf, newDoc } from '../helpers/peers'

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
    expect(description.sizes).toEqual({ notes: 3, clusters: 0, actions: 0 })
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
      note.set('createdAt', 1)
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
        note.set('createdAt', 2)
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
      note.set('createdAt', 2)
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
    expect(invalidFrom((c) => metaOf(c).set('nested', new Y.Map()))).toBe('schema')
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
