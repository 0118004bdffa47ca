import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import { BOARD_SCHEMA, InvalidUpdate, PRIVATE_SCHEMA, describeUpdate } from '../../../model/changes'
import { addNote, noteText } from '../../../model/notes'
import { declarePrivateRoots } from '../../../model/privateDoc'
import { ROOTS, metaOf, notesOf } from '../../../model/schema'
import { startTimer, stopTimer } from '../../../model/timer'
import { captureOne, clientOf, newDoc } from '../../helpers/peers'
import { currentItemId, encodeUpdate } from '../../helpers/structs'
import type { ClientStructs, DeleteRanges } from '../../helpers/structs'

/**
 * The reader's own rules, each with a hand-encoded update: what Yjs would leave pending, throw
 * on, or integrate differently from what the structs say is refused; what an honest client
 * sends is read as what it does.
 */
function board(): { server: Y.Doc; note: string } {
  const server = newDoc()
  initBoard(server, { title: 'Retro', createdAt: 1, settings: { privateWriting: false } })
  const note = addNote(server, { zone: 'steigen', text: 'Hallo', author: 'alice-id' })
  return { server, note }
}

function refusal(server: Y.Doc, clients: ClientStructs[], deletes: DeleteRanges[] = []): string {
  try {
    describeUpdate(server, encodeUpdate(clients, deletes))
  } catch (error) {
    if (error instanceof InvalidUpdate) return `${error.code}: ${error.detail}`
    throw error
  }
  return 'described'
}

/** The last id the server's own client wrote (its structs are in the doc). */
function serverClock(server: Y.Doc): number {
  return Y.getState(server.store, server.clientID)
}

describe('reader: what Yjs would not integrate at once', () => {
  it('refuses a struct the doc already has when it refers to a struct nobody has (found by the fuzzer: Yjs kept it pending)', () => {
    const { server } = board()
    const known = serverClock(server) - 1
    const clients: ClientStructs[] = [
      { client: server.clientID, clock: known, structs: [{ kind: 'item', origin: { client: 9999, clock: 5 }, content: { kind: 'any', values: [1] } }] },
    ]
    expect(refusal(server, clients)).toBe('missing: reference to unknown struct')
  })

  it('refuses a client listed twice, even back to back (found by the fuzzer: Yjs keeps only the last run)', () => {
    const { server } = board()
    const origin = currentItemId(metaOf(server), 'title')
    const run = (text: string): ClientStructs => ({ client: 4242, clock: 0, structs: [{ kind: 'item', origin, content: { kind: 'any', values: [text] } }] })
    expect(refusal(server, [run('a'), run('b')])).toBe('malformed: client listed twice or without structs')
    expect(refusal(server, [run('a'), { client: 4242, clock: 1, structs: [] }])).toBe('malformed: client listed twice or without structs')
  })

  it('refuses references to a later clock of the same client, cycles between clients, and gaps', () => {
    const { server } = board()
    const title = currentItemId(metaOf(server), 'title')
    const ahead: ClientStructs = { client: 4242, clock: 0, structs: [{ kind: 'item', origin: { client: 4242, clock: 1 }, content: { kind: 'any', values: [1] } }, { kind: 'item', origin: title, content: { kind: 'any', values: [2] } }] }
    expect(refusal(server, [ahead])).toBe('missing: reference to a later clock of the same client')
    const a: ClientStructs = { client: 11, clock: 0, structs: [{ kind: 'item', origin: { client: 12, clock: 0 }, content: { kind: 'any', values: [1] } }] }
    const b: ClientStructs = { client: 12, clock: 0, structs: [{ kind: 'item', origin: { client: 11, clock: 0 }, content: { kind: 'any', values: [1] } }] }
    expect(refusal(server, [a, b])).toBe('missing: cyclic references between clients')
    expect(refusal(server, [{ client: 4242, clock: 3, structs: [{ kind: 'item', origin: title, content: { kind: 'any', values: [1] } }] }])).toBe('missing: gap in client clock')
    expect(refusal(server, [], [{ client: 4242, ranges: [[0, 1]] }])).toBe('missing: delete of unknown struct')
  })

  it('refuses empty structs, unknown roots even in structs the doc has, and origins in two places', () => {
    const { server, note } = board()
    const title = currentItemId(metaOf(server), 'title')
    expect(refusal(server, [{ client: 4242, clock: 0, structs: [{ kind: 'item', origin: title, content: { kind: 'string', text: '' } }] }])).toBe('malformed: empty struct')
    const known = serverClock(server) - 1
    expect(refusal(server, [{ client: server.clientID, clock: known, structs: [{ kind: 'item', parent: 'elsewhere', parentSub: 'x', content: { kind: 'any', values: [1] } }] }])).toBe(
      'schema: unknown root',
    )
    const text = noteText(server, note)
    const char = (text as unknown as { _start: Y.Item })._start.id
    const split: ClientStructs = { client: 4242, clock: 0, structs: [{ kind: 'item', origin: title, rightOrigin: { client: char.client, clock: char.clock }, content: { kind: 'any', values: ['x'] } }] }
    expect(refusal(server, [split])).toBe('schema: origins in different places')
  })
})

describe('reader: every kind of content, and where it may stand', () => {
  it('refuses several values in one map item, strings, binaries, JSON, embeds, formats and subdocuments', () => {
    const { server, note } = board()
    const title = currentItemId(metaOf(server), 'title')
    const at = (content: Parameters<typeof encodeUpdate>[0][number]['structs'][number]) => refusal(server, [{ client: 4242, clock: 0, structs: [content] }])
    expect(at({ kind: 'item', origin: title, content: { kind: 'any', values: ['a', 'b'] } })).toBe('schema: value')
    expect(at({ kind: 'item', origin: title, content: { kind: 'string', text: 'a' } })).toBe('schema: value')
    expect(at({ kind: 'item', origin: title, content: { kind: 'binary', bytes: new Uint8Array([1]) } })).toBe('schema: value')
    expect(at({ kind: 'item', origin: title, content: { kind: 'json', values: ['a'] } })).toBe('schema: value')
    expect(at({ kind: 'item', origin: title, content: { kind: 'deleted', len: 2 } })).toBe('schema: value')
    const last = (noteText(server, note) as unknown as { _start: Y.Item })._start
    const end = { client: last.id.client, clock: last.id.clock + last.length - 1 }
    expect(at({ kind: 'item', origin: end, content: { kind: 'embed', value: { x: 1 } } })).toBe('schema: text content')
    expect(at({ kind: 'item', origin: end, content: { kind: 'format', key: 'bold', value: true } })).toBe('schema: text content')
    expect(at({ kind: 'item', origin: end, content: { kind: 'doc', guid: 'sub' } })).toBe('schema: text content')
    expect(at({ kind: 'item', parent: 'notes', parentSub: 'n', content: { kind: 'type', ref: 0 } })).toBe('schema: entry is not a map')
  })

  it('reads a ContentDeleted item after a key’s current item as the removal of that key (hole 1)', () => {
    const { server, note } = board()
    const update = (origin: ReturnType<typeof currentItemId>) => encodeUpdate([{ client: 4242, clock: 0, structs: [{ kind: 'item', origin, content: { kind: 'deleted', len: 1 } }] }])
    expect(describeUpdate(server, update(currentItemId(metaOf(server), 'title'))).writes).toEqual([{ kind: 'value', root: 'meta', key: 'title', value: undefined, deleted: true }])
    expect(describeUpdate(server, update(currentItemId(notesOf(server), note))).writes).toEqual([{ kind: 'delete', root: 'notes', id: note }])
  })

  it('reads what an honest client sends after offline edits as what it does', () => {
    const { server } = board()
    const mod = clientOf(server)
    // Timer set and cleared offline: the set arrives as ContentDeleted, the key ends removed (it never existed).
    const offline = captureOne(mod, () =>
      mod.transact(() => {
        startTimer(mod, 60_000, 1000)
        stopTimer(mod)
      }),
    )
    expect(describeUpdate(server, offline).writes).toEqual([])
    startTimer(server, 60_000, 1000)
    const client = clientOf(server)
    const twice = captureOne(client, () =>
      client.transact(() => {
        metaOf(client).set('phase', 'clustern')
        metaOf(client).set('phase', 'abstimmen')
      }),
    )
    expect(describeUpdate(server, twice).writes).toEqual([{ kind: 'value', root: 'meta', key: 'phase', value: 'abstimmen', deleted: false }])
    const stop = captureOne(client, () => stopTimer(client))
    expect(describeUpdate(server, stop).writes).toEqual([{ kind: 'value', root: 'meta', key: 'timer', value: undefined, deleted: true }])
  })
})

describe('reader: the schema it reads against', () => {
  it('knows exactly the roots the model declares, on the board and in the private doc', () => {
    const boardDoc = newDoc()
    expect(Object.keys(BOARD_SCHEMA).sort()).toEqual([...ROOTS].sort())
    expect(Object.keys(BOARD_SCHEMA).sort()).toEqual([...boardDoc.share.keys()].sort())
    const privateDoc = new Y.Doc()
    declarePrivateRoots(privateDoc)
    expect(Object.keys(PRIVATE_SCHEMA).sort()).toEqual([...privateDoc.share.keys()].sort())
  })
})
