import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { participantIdOf } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { addNote, noteText } from '../../model/notes'
import { membersOf, metaOf, notesOf } from '../../model/schema'
import { setPhase } from '../../model/phases'
import { addDraft } from '../../model/privateDoc'
import { readSettings } from '../../model/settings'
import type { Credentials } from '../helpers/abuse'
import { waitFor } from '../helpers/clients'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'
import { currentItemId, encodeUpdate, freshClient } from '../helpers/structs'
import type { Struct } from '../helpers/structs'
import { captureOne, clientOf } from '../helpers/peers'

/**
 * The holes of issue 11 (and the seats of issue 13), tried as an attacker would: a raw websocket joined as an ordinary
 * participant sends hand-encoded updates. Each must be refused (reject message, close 4422) and
 * leave the board as it was.
 */
const kit = useServerKit()

async function boardDoc(board: CreatedBoard): Promise<Y.Doc> {
  const room = await kit.room(board.boardId)
  return room.doc
}

/** Sends one update as a participant and returns the server's answer: 'ack' or the reject code. */
function sendAsParticipant(board: CreatedBoard, update: Uint8Array, secret = newSecretId()): Promise<string> {
  return sendAs(board, { secret }, update)
}

/** Sends one update over a raw socket joined with these credentials: 'ack' or the reject code. */
function sendAs(board: CreatedBoard, credentials: Credentials, update: Uint8Array): Promise<string> {
  return kit.send(board.boardId, credentials, update)
}

/** One ContentDeleted item per target, each following the target's current item under its key. */
function deletedAfter(doc: Y.Doc, targets: [Y.Map<any>, string][]): Uint8Array { // eslint-disable-line @typescript-eslint/no-explicit-any
  const structs: Struct[] = targets.map(([map, key]) => ({ kind: 'item', origin: currentItemId(map, key), content: { kind: 'deleted', len: 1 } }))
  return encodeUpdate([{ client: freshClient(doc), clock: 0, structs }])
}

describe('hole 1: ContentDeleted items that replace a key', () => {
  it('refuses a participant deleting meta keys and another person’s note on a locked board', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Retro', settings: { privateWriting: false, votesPerPerson: 3 } })
    const victim = kit.connect(board.boardId)
    await victim.synced()
    const noteId = addNote(victim.doc, { zone: 'steigen', text: 'meine Notiz', author: victim.actor.participantId })
    await victim.settled()
    const moderator = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
    await moderator.synced()
    metaOf(moderator.doc).set('phase', 'clustern')
    metaOf(moderator.doc).set('locked', true)
    await moderator.settled()

    const doc = await boardDoc(board)
    const meta = metaOf(doc)
    const update = deletedAfter(doc, [
      [meta, 'phase'],
      [meta, 'locked'],
      [meta, 'setting.votesPerPerson'],
      [notesOf(doc), noteId],
    ])
    expect(await sendAsParticipant(board, update)).toBe('readOnly')
    expect(meta.get('phase')).toBe('clustern')
    expect(meta.get('locked')).toBe(true)
    expect(meta.get('setting.votesPerPerson')).toBe(3)
    expect(noteText(doc, noteId).toString()).toBe('meine Notiz')
  })

  it('refuses each kind of key alone on an open board: a meta key, a note, and an unknown root', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Retro', settings: { privateWriting: false } })
    const victim = kit.connect(board.boardId)
    await victim.synced()
    const noteId = addNote(victim.doc, { zone: 'steigen', text: 'meine Notiz', author: victim.actor.participantId })
    await victim.settled()
    const doc = await boardDoc(board)

    expect(await sendAsParticipant(board, deletedAfter(doc, [[metaOf(doc), 'title']]))).toBe('notAllowed')
    expect(await sendAsParticipant(board, deletedAfter(doc, [[notesOf(doc), noteId]]))).toBe('notAllowed')
    const unknownRoot = encodeUpdate([
      { client: freshClient(doc), clock: 0, structs: [{ kind: 'item', parent: 'elsewhere', parentSub: 'x', content: { kind: 'deleted', len: 1 } }] },
    ])
    expect(await sendAsParticipant(board, unknownRoot)).toBe('schema')
    expect(metaOf(doc).get('title')).toBe('Retro')
    expect(notesOf(doc).has(noteId)).toBe(true)
    expect([...doc.share.keys()]).not.toContain('elsewhere')
  })
})

describe('hole 2: de-anonymisation by deleting the anonymous setting', () => {
  it('keeps setting.anonymous while collecting privately, and the revealed drafts carry no author', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Retro', settings: { anonymous: true } })
    const secret = newSecretId()
    const victim = kit.connect(`${board.boardId}/private`, { secret })
    const moderator = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
    await Promise.all([victim.synced(), moderator.synced()])
    addDraft(victim.doc, { zone: 'steigen', text: 'Das sage ich nur anonym' })
    await victim.settled()

    const doc = await boardDoc(board)
    expect(readSettings(metaOf(doc)).anonymous).toBe(true)
    expect(await sendAsParticipant(board, deletedAfter(doc, [[metaOf(doc), 'setting.anonymous']]))).toBe('notAllowed')
    expect(await sendAsParticipant(board, deletedAfter(doc, [[metaOf(doc), 'phase']]))).toBe('notAllowed')
    expect(readSettings(metaOf(doc)).anonymous).toBe(true)
    expect(metaOf(doc).get('phase')).toBe('sammeln')

    setPhase(moderator.doc, 'aufdecken')
    await moderator.settled()
    await waitFor(() => notesOf(doc).size === 1, 5000, 'the draft revealed')
    const note = [...notesOf(doc).values()][0]!
    expect(String(note.get('text'))).toBe('Das sage ich nur anonym')
    expect(note.get('author') ?? null).toBeNull()
    expect(JSON.stringify(notesOf(doc).toJSON())).not.toContain(participantIdOf(secret))
  })
})

describe('hole 3: a ContentAny with several elements', () => {
  it('refuses a note whose author is planted as the last of two values', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Retro', settings: { privateWriting: false, anonymous: true } })
    const doc = await boardDoc(board)
    const client = freshClient(doc)
    const secret = newSecretId()
    const victimId = participantIdOf(newSecretId())
    const entry = { client, clock: 0 }
    const text = { client, clock: 4 }
    const update = encodeUpdate([
      {
        client,
        clock: 0,
        structs: [
          { kind: 'item', parent: 'notes', parentSub: 'planted', content: { kind: 'type', ref: 1 } },
          { kind: 'item', parent: entry, parentSub: 'zone', content: { kind: 'any', values: ['steigen'] } },
          { kind: 'item', parent: entry, parentSub: 'order', content: { kind: 'any', values: ['a0'] } },
          { kind: 'item', parent: entry, parentSub: 'createdAt', content: { kind: 'any', values: [1] } },
          { kind: 'item', parent: entry, parentSub: 'text', content: { kind: 'type', ref: 2 } },
          { kind: 'item', parent: text, content: { kind: 'string', text: 'hallo' } },
          { kind: 'item', parent: entry, parentSub: 'author', content: { kind: 'any', values: [participantIdOf(secret), victimId] } },
        ],
      },
    ])
    expect(await sendAsParticipant(board, update, secret)).toBe('schema')
    expect(notesOf(doc).has('planted')).toBe(false)
  })
})

describe('seats (model/seats.ts): the server’s alone', () => {
  it('refuses a participant and the moderator writing, changing or taking away a seat', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Netzwerktreffen' })
    const doc = await boardDoc(board)
    const secret = newSecretId()
    const [first, second] = [kit.connect(board.boardId), kit.connect(board.boardId, { secret })]
    const mine = second.actor.participantId
    const other = first.actor.participantId
    await waitFor(() => membersOf(doc).has(other) && membersOf(doc).has(mine), 5000, 'both seated')
    const before = Object.fromEntries(membersOf(doc).entries())
    const forge = (change: (members: Y.Map<unknown>) => void) => {
      const copy = clientOf(doc)
      return captureOne(copy, () => copy.transact(() => change(membersOf(copy))))
    }
    const attempts = {
      'swap seats': forge((m) => [m.set(mine, before[other]), m.set(other, before[mine])]),
      'seat somebody who never joined': forge((m) => m.set('p-ghost', 2)),
      'take away a seat': forge((m) => m.delete(other)),
      'turn a seat into an old board’s true': forge((m) => m.set(mine, true)),
    }
    for (const [what, update] of Object.entries(attempts)) {
      expect(await sendAs(board, { secret }, update), `a participant tries to ${what}`).toBe('notAllowed')
      expect(await sendAs(board, { moderatorToken: board.moderatorToken }, update), `the moderator tries to ${what}`).toBe('notAllowed')
    }
    expect(Object.fromEntries(membersOf(doc).entries())).toEqual(before)
    expect(second.rejects).toEqual([])
  })
})
