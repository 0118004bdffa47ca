import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BERICHT_PARTS, editBerichtPart, startBericht } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { participantIdOf } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { LIMITS } from '../../model/limits'
import { addNote, noteText } from '../../model/notes'
import { setPerson } from '../../model/people'
import { setLocked, setPhase } from '../../model/phases'
import type { Phase } from '../../model/phases'
import { berichtOf, membersOf, metaOf, notesOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
import { startApp } from '../../server/app'
import type { App } from '../../server/app'
import type { Credentials } from '../helpers/abuse'
import type { TestClient } from '../helpers/clients'
import { connectClient, waitFor } from '../helpers/clients'
import { captureOne, clientOf } from '../helpers/peers'
import { OPEN_BOARD, createBoard, testConfig } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'
import { startPostgres, startRedis } from '../helpers/services'
import { currentItemId, encodeUpdate, freshClient } from '../helpers/structs'
import type { Id, Struct } from '../helpers/structs'

/**
 * A hostile participant against the day's two guard changes (2026-12-06), through the real
 * server with raw sockets: participants writing the Bericht („Teilnehmende dürfen den Bericht
 * mitschreiben“, also on a read-only board) and the seats the server writes into `members`.
 */
const kit = useServerKit()

const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>
const MODERATORS_FAZIT = 'Die Moderation fasst zusammen: Die Vernetzung trägt.'

interface Meeting {
  readonly board: CreatedBoard
  /** The server's copy of the board. */
  readonly doc: Y.Doc
  readonly moderator: TestClient
  /** A note on the board (the moderator's). */
  readonly noteId: string
}

/**
 * A board with the setting on, the moderator's note, the Bericht started by the moderator (who wrote the Fazit)
 * and then moved to `phase` (and locked if asked).
 */
async function meeting(phase: Phase = 'abschluss', locked = false): Promise<Meeting> {
  const server = await kit.start()
  const board = await createBoard(server, { title: 'Netzwerktreffen', settings: { privateWriting: false, participantsWriteBericht: true } })
  const moderator = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
  await moderator.synced()
  const noteId = addNote(moderator.doc, { zone: 'steigen', text: 'Kurze Wege zum Jugendamt', author: moderator.actor.participantId })
  startBericht(moderator.doc, DRAFT)
  editBerichtPart(moderator.doc, 'fazit', MODERATORS_FAZIT)
  setPhase(moderator.doc, phase)
  if (locked) setLocked(moderator.doc, true)
  await moderator.settled()
  expect(moderator.rejects).toEqual([])
  return { board, doc: (await kit.room(board.boardId)).doc, moderator, noteId }
}

/** Sends one update over a raw socket joined with `credentials` (a new participant by default): 'ack' or the reject code. */
function send(board: CreatedBoard, update: Uint8Array, credentials: Credentials = { secret: newSecretId() }): Promise<string> {
  return kit.send(board.boardId, credentials, update)
}

/** The update `change` makes on a copy of the server's board. */
function changeOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = clientOf(doc)
  return captureOne(copy, () => copy.transact(() => change(copy)))
}

/** Everything the board shows, but who joined. */
function content(doc: Y.Doc): string {
  const { participantCount: _joined, seats: _seats, ...rest } = toBoardView(doc)
  return JSON.stringify(rest)
}

function partText(doc: Y.Doc, part: BerichtPart): Y.Text {
  return berichtOf(doc).get(part)!.get('text') as Y.Text
}

/** The id of a text's last character (a new character after it continues the text). */
function lastCharOf(text: Y.Text): Id {
  let item = text._start
  while (item?.right) item = item.right
  if (!item) throw new Error('empty text')
  return { client: item.id.client, clock: item.id.clock + item.length - 1 }
}

/** Characters appended to a part's text, as the first struct of a hand-built client run. */
function appendTo(doc: Y.Doc, part: BerichtPart, text: string): Struct {
  return { kind: 'item', origin: lastCharOf(partText(doc, part)), content: { kind: 'string', text } }
}

describe('a participant writing the Bericht cannot smuggle anything else onto a read-only board', () => {
  const smuggled: [string, (m: Meeting, me: string) => Uint8Array][] = [
    [
      'a ContentDeleted replacing meta.phase in the same client run',
      ({ doc }) =>
        encodeUpdate([{ client: freshClient(doc), clock: 0, structs: [appendTo(doc, 'fazit', ' Ergänzt.'), { kind: 'item', origin: currentItemId(metaOf(doc), 'phase'), content: { kind: 'deleted', len: 1 } }] }]),
    ],
    [
      'a ContentDeleted removing a note in the same client run',
      ({ doc, noteId }) =>
        encodeUpdate([{ client: freshClient(doc), clock: 0, structs: [appendTo(doc, 'fazit', ' Ergänzt.'), { kind: 'item', origin: currentItemId(notesOf(doc), noteId), content: { kind: 'deleted', len: 1 } }] }]),
    ],
    ['a note in a second client run of the same update', ({ doc }) => Y.mergeUpdates([changeOf(doc, (c) => editBerichtPart(c, 'fazit', 'Ergänzt')), changeOf(doc, (c) => addNote(c, { zone: 'steigen', text: 'Nachgereicht', author: null }))])],
    ['a deletion in another note’s text (the delete set alone)', ({ doc, noteId }) => changeOf(doc, (c) => [editBerichtPart(c, 'intro', 'Ergänzt'), noteText(c, noteId).delete(0, 5)])],
    ['the phase set back', ({ doc }) => changeOf(doc, (c) => [editBerichtPart(c, 'intro', 'Ergänzt'), setPhase(c, 'sammeln')])],
    ['their own institution', ({ doc }, me) => changeOf(doc, (c) => [editBerichtPart(c, 'intro', 'Ergänzt'), setPerson(c, me, { institution: 'Gemeinde' })])],
    ['a seat', ({ doc }) => changeOf(doc, (c) => [editBerichtPart(c, 'intro', 'Ergänzt'), membersOf(c).set('p-ghost', 0)])],
  ]

  for (const [what, build] of smuggled) {
    it(`refuses a Bericht edit in Abschluss together with ${what}: readOnly, nothing changes`, async () => {
      const m = await meeting()
      const before = content(m.doc)
      const secret = newSecretId()
      expect(await send(m.board, build(m, participantIdOf(secret)), { secret })).toBe('readOnly')
      expect(content(m.doc)).toBe(before)
    })
  }

  it('refuses a Bericht edit on a locked board, in Abschluss and before; the moderator may still write', async () => {
    for (const phase of ['abschluss', 'clustern'] as const) {
      const m = await meeting(phase, true)
      const before = content(m.doc)
      expect(await send(m.board, changeOf(m.doc, (c) => editBerichtPart(c, 'fazit', 'Nach dem Sperren')))).toBe('readOnly')
      expect(content(m.doc)).toBe(before)
      expect(await send(m.board, changeOf(m.doc, (c) => editBerichtPart(c, 'fazit', 'Von der Moderation')), { moderatorToken: m.board.moderatorToken })).toBe('ack')
      expect(partText(m.doc, 'fazit').toString()).toBe('Von der Moderation')
      await kit.close()
    }
  })

  it('accepts a Bericht edit with a ContentDeleted at a key nobody holds, and that changes nothing else', async () => {
    const m = await meeting()
    const notes = JSON.stringify(notesOf(m.doc).toJSON())
    const meta = JSON.stringify(metaOf(m.doc).toJSON())
    const planted: Struct[] = [appendTo(m.doc, 'fazit', ' Ergänzt.'), { kind: 'item', parent: 'notes', parentSub: 'nobody', content: { kind: 'deleted', len: 1 } }, { kind: 'item', parent: 'meta', parentSub: 'locked', content: { kind: 'deleted', len: 1 } }]
    expect(metaOf(m.doc).has('locked')).toBe(false)
    expect(await send(m.board, encodeUpdate([{ client: freshClient(m.doc), clock: 0, structs: planted }]))).toBe('ack')
    expect(partText(m.doc, 'fazit').toString()).toBe(`${MODERATORS_FAZIT} Ergänzt.`)
    expect(JSON.stringify(notesOf(m.doc).toJSON())).toBe(notes)
    expect(JSON.stringify(metaOf(m.doc).toJSON())).toBe(meta)
  })

  it('refuses a Bericht write through the private doc’s socket (not a root there)', async () => {
    const m = await meeting('sammeln')
    const secret = newSecretId()
    const own = kit.connect(`${m.board.boardId}/private`, { secret })
    await own.synced()
    const update = encodeUpdate([{ client: freshClient(m.doc), clock: 0, structs: [{ kind: 'item', parent: 'bericht', parentSub: 'fazit', content: { kind: 'type', ref: 1 } }] }])
    expect(await kit.send(`${m.board.boardId}/private`, { secret }, update)).toBe('schema')
    expect(partText(m.doc, 'fazit').toString()).toBe(MODERATORS_FAZIT)
  })
})

describe('a participant may write the text of a part, not take the part', () => {
  it('refuses every way of replacing or removing a part, or its text, built by hand', async () => {
    const m = await meeting()
    const fazit = berichtOf(m.doc).get('fazit')!
    const entry = currentItemId(berichtOf(m.doc), 'fazit')
    const textItem = currentItemId(fazit, 'text')
    const client = freshClient(m.doc)
    const attempts: [string, Uint8Array, string][] = [
      ['a ContentDeleted after the part', encodeUpdate([{ client, clock: 0, structs: [{ kind: 'item', origin: entry, content: { kind: 'deleted', len: 1 } }] }]), 'notAllowed'],
      ['the part deleted by the delete set', encodeUpdate([], [{ client: entry.client, ranges: [[entry.clock, 1]] }]), 'notAllowed'],
      [
        'a new part set beside the current one (as if concurrent)',
        encodeUpdate([
          {
            client,
            clock: 0,
            structs: [
              { kind: 'item', parent: 'bericht', parentSub: 'fazit', content: { kind: 'type', ref: 1 } },
              { kind: 'item', parent: { client, clock: 0 }, parentSub: 'text', content: { kind: 'type', ref: 2 } },
              { kind: 'item', parent: { client, clock: 1 }, content: { kind: 'string', text: 'Untergeschoben' } },
            ],
          },
        ]),
        'notAllowed',
      ],
      ['a new text after the part’s text', encodeUpdate([{ client, clock: 0, structs: [{ kind: 'item', origin: textItem, content: { kind: 'type', ref: 2 } }] }]), 'invalid'],
      ['the part’s text deleted by the delete set', encodeUpdate([], [{ client: textItem.client, ranges: [[textItem.clock, 1]] }]), 'invalid'],
    ]
    for (const [what, update, code] of attempts) expect(await send(m.board, update), what).toBe(code)
    expect(partText(m.doc, 'fazit').toString()).toBe(MODERATORS_FAZIT)
    expect(toBoardView(m.doc).bericht).toEqual({ ...DRAFT, fazit: MODERATORS_FAZIT })
  })

  it('may empty a part the moderator wrote: the part then reads empty (not the draft) for everyone and in export.md', async () => {
    // Allowed by the rule (text, not the part): reported to the team as a question, see the report.
    const m = await meeting()
    expect(await send(m.board, changeOf(m.doc, (c) => partText(c, 'fazit').delete(0, MODERATORS_FAZIT.length)))).toBe('ack')
    expect(toBoardView(m.doc).bericht.fazit).toBe('')
    const md = await (await fetch(`${kit.server.http}/api/boards/${m.board.boardId}/export.md`, { headers: { authorization: `Bearer ${m.board.moderatorToken}` } })).text()
    expect(md).toContain('Netzwerktreffen')
    expect(md).not.toContain(MODERATORS_FAZIT)
  })

  it('two participants starting the same part at once: the second start reads as a replacement and is refused', async () => {
    // Yjs lets the larger client id win a concurrent set: were it accepted, a participant could
    // replace the moderator's part by posing as concurrent. The honest cost: the later starter's
    // keystrokes are refused (close 4422, the client resyncs). Reported to the team.
    const m = await meeting('clustern')
    expect(await send(m.board, changeOf(m.doc, (c) => berichtOf(c).delete('intro')), { moderatorToken: m.board.moderatorToken })).toBe('ack')
    const [a, b] = [kit.connect(m.board.boardId), kit.connect(m.board.boardId)]
    await Promise.all([a.synced(), b.synced()])
    a.provider.disconnect()
    b.provider.disconnect()
    editBerichtPart(a.doc, 'intro', 'Einleitung von A')
    editBerichtPart(b.doc, 'intro', 'Einleitung von B')
    a.provider.connect()
    await a.settled()
    b.provider.connect()
    await waitFor(() => b.rejects.length > 0, 5000, 'the second start refused')
    expect(b.rejects[0]).toBe('notAllowed')
    expect(a.rejects).toEqual([])
    expect(toBoardView(m.doc).bericht.intro).toBe('Einleitung von A')
  })
})

describe('a part’s length holds on the merged text', () => {
  const MAX = LIMITS.berichtPartLength

  it('many small inserts: the character after the limit is refused', async () => {
    const m = await meeting()
    const secret = newSecretId()
    const fill = MAX - 1 - partText(m.doc, 'fazit').length
    expect(await send(m.board, changeOf(m.doc, (c) => partText(c, 'fazit').insert(0, 'x'.repeat(fill))), { secret })).toBe('ack')
    expect(await send(m.board, changeOf(m.doc, (c) => partText(c, 'fazit').insert(0, 'y')), { secret })).toBe('ack')
    expect(partText(m.doc, 'fazit').length).toBe(MAX)
    expect(await send(m.board, changeOf(m.doc, (c) => partText(c, 'fazit').insert(3, 'z')), { secret })).toBe('tooLong')
    // Exchanging a character at the limit is still an edit.
    expect(await send(m.board, changeOf(m.doc, (c) => [partText(c, 'fazit').delete(0, 1), partText(c, 'fazit').insert(0, 'z')]), { secret })).toBe('ack')
    expect(partText(m.doc, 'fazit').length).toBe(MAX)
  })

  it('two participants typing at once: the second insert that would pass the limit on the merged text is refused', async () => {
    const m = await meeting()
    const room = MAX - partText(m.doc, 'fazit').length
    const half = Math.floor(room / 2) + 1
    const [a, b] = [clientOf(m.doc), clientOf(m.doc)]
    const first = captureOne(a, () => partText(a, 'fazit').insert(0, 'a'.repeat(half)))
    const second = captureOne(b, () => partText(b, 'fazit').insert(partText(b, 'fazit').length, 'b'.repeat(half)))
    expect(await send(m.board, first)).toBe('ack')
    expect(await send(m.board, second)).toBe('tooLong')
    expect(partText(m.doc, 'fazit').length).toBeLessThanOrEqual(MAX)
    const fresh = kit.connect(m.board.boardId)
    await fresh.synced()
    expect(toBoardView(fresh.doc).bericht.fazit).toBe(partText(m.doc, 'fazit').toString())
  })

  it('a deletion another participant already made is not counted twice', async () => {
    const m = await meeting()
    expect(await send(m.board, changeOf(m.doc, (c) => partText(c, 'fazit').insert(0, 'x'.repeat(MAX - partText(c, 'fazit').length))))).toBe('ack')
    const [a, b] = [clientOf(m.doc), clientOf(m.doc)]
    const cut = captureOne(a, () => partText(a, 'fazit').delete(0, 1000))
    // b cuts the same 1000 characters and writes 1500: on the merged text, 500 too many.
    const cutAndWrite = captureOne(b, () => b.transact(() => [partText(b, 'fazit').delete(0, 1000), partText(b, 'fazit').insert(0, 'b'.repeat(1500))]))
    expect(await send(m.board, cut)).toBe('ack')
    expect(await send(m.board, cutAndWrite)).toBe('tooLong')
    expect(partText(m.doc, 'fazit').length).toBe(MAX - 1000)
  })
})

describe('seats: only the server writes members, one seat each', () => {
  async function seatedBoard(overrides = {}): Promise<{ board: CreatedBoard; doc: Y.Doc; secret: string; mine: string; other: string }> {
    const server = await kit.start(overrides)
    const board = await createBoard(server, { title: 'Netzwerktreffen', settings: { privateWriting: false } })
    const secret = newSecretId()
    const [first, second] = [kit.connect(board.boardId), kit.connect(board.boardId, { secret })]
    const doc = (await kit.room(board.boardId)).doc
    await waitFor(() => membersOf(doc).has(first.actor.participantId) && membersOf(doc).has(second.actor.participantId), 5000, 'both seated')
    return { board, doc, secret, mine: second.actor.participantId, other: first.actor.participantId }
  }

  it('refuses hand-built writes to members from a participant and from the moderator', async () => {
    const { board, doc, secret, mine, other } = await seatedBoard()
    const before = JSON.stringify(membersOf(doc).toJSON())
    const client = freshClient(doc)
    const seatOf = (id: string) => currentItemId(membersOf(doc), id)
    const ghost = encodeUpdate([{ client, clock: 0, structs: [{ kind: 'item', parent: 'members', parentSub: 'p-ghost', content: { kind: 'any', values: [1_000_000] } }] }])
    const participant = { secret }
    const moderator = { moderatorToken: board.moderatorToken }
    const attempts: [string, Uint8Array, Credentials[]][] = [
      ['a ContentDeleted after another’s seat', encodeUpdate([{ client, clock: 0, structs: [{ kind: 'item', origin: seatOf(other), content: { kind: 'deleted', len: 1 } }] }]), [participant, moderator]],
      ['a seat set beside the own one (as if concurrent)', encodeUpdate([{ client, clock: 0, structs: [{ kind: 'item', parent: 'members', parentSub: mine, content: { kind: 'any', values: [0] } }] }]), [participant, moderator]],
      ['a seat deleted by the delete set', encodeUpdate([], [{ client: seatOf(other).client, ranges: [[seatOf(other).clock, 1]] }]), [participant, moderator]],
      ['a seat for an id nobody holds, after a legal note', Y.mergeUpdates([changeOf(doc, (c) => addNote(c, { zone: 'steigen', text: 'Legal', author: mine })), ghost]), [participant]],
      ['a seat for an id nobody holds, after a legal title', Y.mergeUpdates([changeOf(doc, (c) => metaOf(c).set('title', 'Legal')), ghost]), [moderator]],
    ]
    for (const [what, update, senders] of attempts) {
      for (const sender of senders) expect(await send(board, update, sender), `${sender === moderator ? 'moderator' : 'participant'}: ${what}`).toBe('notAllowed')
    }
    expect(metaOf(doc).get('title')).toBe('Netzwerktreffen')
    expect(JSON.stringify(membersOf(doc).toJSON())).toBe(before)
    expect(notesOf(doc).size).toBe(0)
  })

  it('a ContentDeleted planted at a future member’s key changes nothing: they get the next seat when they join', async () => {
    const { board, doc } = await seatedBoard()
    const victim = newSecretId()
    const planted = encodeUpdate([{ client: freshClient(doc), clock: 0, structs: [{ kind: 'item', parent: 'members', parentSub: participantIdOf(victim), content: { kind: 'deleted', len: 1 } }] }])
    expect(await send(board, planted)).toBe('ack')
    kit.connect(board.boardId, { secret: victim })
    await waitFor(() => membersOf(doc).get(participantIdOf(victim)) !== undefined, 5000, 'victim seated')
    // Seats 0 and 1 went to the first two; the planting socket synced nothing, so it has none.
    expect(membersOf(doc).get(participantIdOf(victim))).toBe(2)
    expect(membersOf(doc).size).toBe(3)
  })

  it('seats stop at the connection limit; later participants still join and write but are neither seated nor counted', async () => {
    const { board, doc, mine, other } = await seatedBoard({ maxConnectionsPerBoard: 3 })
    const seats = () => JSON.stringify(membersOf(doc).toJSON())
    const third = kit.connect(board.boardId)
    await waitFor(() => membersOf(doc).size === 3, 5000, 'third seated')
    const before = seats()
    third.destroy()
    const late = newSecretId()
    const fourth = kit.connect(board.boardId, { secret: late })
    await fourth.synced()
    addNote(fourth.doc, { zone: 'steigen', text: 'Spät dazugekommen', author: participantIdOf(late) })
    await fourth.settled()
    expect(fourth.rejects).toEqual([])
    // A restart writes what is pending: had the fourth been noted as a member, it would be now.
    await kit.server.restart()
    const after = (await kit.room(board.boardId)).doc
    expect(JSON.stringify(membersOf(after).toJSON())).toBe(before)
    expect(membersOf(after).has(participantIdOf(late))).toBe(false)
    expect(new Set([...membersOf(after).values()])).toEqual(new Set([0, 1, 2]))
    expect(membersOf(after).get(mine) !== membersOf(after).get(other)).toBe(true)
    expect(toBoardView(after).participantCount).toBe(3)
  })

  it('seats survive a restart, one joining right before it is seated, the next one continues: no seat twice', async () => {
    const { board, mine, other } = await seatedBoard()
    const third = kit.connect(board.boardId)
    await third.synced()
    await kit.server.restart()
    let doc = (await kit.room(board.boardId)).doc
    expect(membersOf(doc).get(third.actor.participantId)).toBe(2)
    const fourth = kit.connect(board.boardId)
    await fourth.synced()
    await kit.server.restart()
    doc = (await kit.room(board.boardId)).doc
    const seats = [mine, other, third.actor.participantId, fourth.actor.participantId].map((id) => membersOf(doc).get(id))
    expect(seats[3]).toBe(3)
    expect(new Set(seats)).toEqual(new Set([0, 1, 2, 3]))
  })

  it('a private-doc socket alone takes no seat; the moderator’s board socket does; six joining at once get six seats', async () => {
    const { board, mine, other } = await seatedBoard()
    const privateOnly = kit.connect(`${board.boardId}/private`)
    await privateOnly.synced()
    const moderator = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
    const crowd = Array.from({ length: 6 }, () => kit.connect(board.boardId))
    await Promise.all([moderator, ...crowd].map((c) => c.synced()))
    await kit.server.restart()
    const doc = (await kit.room(board.boardId)).doc
    expect(membersOf(doc).has(privateOnly.actor.participantId)).toBe(false)
    expect(membersOf(doc).has(moderator.actor.participantId)).toBe(true)
    const ids = [mine, other, moderator.actor.participantId, ...crowd.map((c) => c.actor.participantId)]
    expect(new Set(ids.map((id) => membersOf(doc).get(id)))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]))
    expect(membersOf(doc).size).toBe(9)
  })
})

describe('seats in cluster mode', () => {
  /** Seats as the clients see them: every client's copy must hold every one of `ids`, each with its own seat. */
  function seatsSeen(clients: readonly TestClient[], ids: readonly string[]): Set<unknown> | null {
    const seen = clients.map((c) => ids.map((id) => membersOf(c.doc).get(id)))
    return seen.every((seats) => seats.every((seat) => typeof seat === 'number')) ? new Set(seen.flat()) : null
  }

  it('two instances: joins through both, and after the owner hands the board over, never share a seat', async () => {
    const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-seats-'))
    const apps: App[] = []
    const clients: TestClient[] = []
    const connect = (app: App, boardId: string) => {
      const client = connectClient(`ws://127.0.0.1:${app.port}/ws`, boardId)
      clients.push(client)
      return client
    }
    try {
      const url = await postgres.createDatabase('seats')
      for (const i of [0, 1]) apps.push(await startApp(testConfig(join(dir, String(i)), { cluster: { databaseUrl: url, redisUrl: redis.url, leaseMs: 1500 } })))
      const res = await fetch(`http://127.0.0.1:${apps[0]!.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })
      const { boardId } = (await res.json()) as { boardId: string }
      const first = Array.from({ length: 6 }, (_, i) => connect(apps[i % 2]!, boardId))
      await Promise.all(first.map((c) => c.synced()))
      const firstIds = first.map((c) => c.actor.participantId)
      await waitFor(() => seatsSeen(first, firstIds)?.size === 6, 10_000, 'six seats')
      const owner = apps.find((app) => app.rooms.isLoaded(boardId))!
      const heir = apps.find((app) => app !== owner)!
      await owner.close()
      const later = Array.from({ length: 4 }, () => connect(heir, boardId))
      const ids = [...firstIds, ...later.map((c) => c.actor.participantId)]
      await waitFor(() => seatsSeen(later, ids)?.size === 10, 20_000, 'ten seats after the handover')
      expect(seatsSeen(later, ids)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))
    } finally {
      for (const c of clients) c.destroy()
      for (const app of apps) await app.close()
      await Promise.all([redis.destroy(), postgres.destroy()])
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})
