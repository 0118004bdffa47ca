import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { setQuiet } from '../../server/log'
import { startRetention } from '../../server/retention'
import type { BoardStore } from '../../server/store/BoardStore'
import { CODE_TTL_MS } from '../../server/store/JoinCodeStore'
import { postgresKind, sqliteKind } from '../helpers/stores'
import type { StoreUnderTest } from '../helpers/stores'

/**
 * The BoardStore contract, one suite for every store: what the server relies on, whether the
 * boards live in SQLite (one process) or PostgreSQL (several instances).
 */
const DAY = 24 * 60 * 60 * 1000
const T0 = Date.UTC(2030, 0, 1)
const bytes = (...values: number[]) => new Uint8Array(values)
const record = (id: string, activeAt = T0) => ({ id, moderatorHash: new Uint8Array(32).fill(7), createdAt: activeAt, activeAt })
const texts = (list: readonly Uint8Array[]) => list.map((u) => [...u].join(','))

describe.each([sqliteKind(), postgresKind()])('BoardStore contract: $name', (kind) => {
  let under: StoreUnderTest
  let store: BoardStore

  beforeAll(async () => {
    setQuiet(true)
    await kind.setup()
  }, 60_000)
  afterAll(() => kind.teardown())
  beforeEach(async () => {
    under = await kind.fresh()
    store = under.store
  })
  afterEach(() => under.cleanup())

  it('creates a board with its first state and finds it by id', async () => {
    await store.createBoard(record('board-a'), bytes(1, 2, 3))
    const found = await store.getBoard('board-a')
    expect(found).toEqual(record('board-a'))
    expect(found?.moderatorHash).toBeInstanceOf(Uint8Array)
    expect(await store.getBoard('board-b')).toBeNull()
    expect(await store.load('board-a')).toEqual({ snapshot: bytes(1, 2, 3), updates: [], lastSeq: 0 })
    await expect(store.createBoard(record('board-a'), bytes(9))).rejects.toThrow()
    expect((await store.load('board-a')).snapshot).toEqual(bytes(1, 2, 3))
  })

  it('appends in order, runs onCommitted before the append resolves, and keeps the log across a reopen', async () => {
    await store.createBoard(record('board-a'), bytes(0))
    const events: string[] = []
    const appends = [1, 2, 3].map((n) =>
      store.append('board-a', bytes(n), (seq) => events.push(`committed ${n} @${seq}`)).then((seq) => {
        events.push(`durable ${n} @${seq}`)
        return seq
      }),
    )
    const seqs = await Promise.all(appends)
    expect(seqs[0]).toBeLessThan(seqs[1]!)
    expect(seqs[1]).toBeLessThan(seqs[2]!)
    for (const [i, n] of [1, 2, 3].entries()) {
      expect(events.indexOf(`committed ${n} @${seqs[i]}`)).toBeGreaterThanOrEqual(0)
      expect(events.indexOf(`committed ${n} @${seqs[i]}`)).toBeLessThan(events.indexOf(`durable ${n} @${seqs[i]}`))
    }
    const again = await under.reopen()
    const loaded = await again.load('board-a')
    expect(loaded.snapshot).toEqual(bytes(0))
    expect(texts(loaded.updates)).toEqual(['1', '2', '3'])
    expect(loaded.lastSeq).toBe(seqs[2])
  })

  it('resolves committed() after every earlier append committed, flushed() after it is durable', async () => {
    await store.createBoard(record('board-a'), bytes(0))
    let committed = 0
    let durable = 0
    for (let i = 0; i < 20; i++) void store.append('board-a', bytes(i), () => committed++).then(() => durable++)
    await store.committed()
    expect(committed).toBe(20)
    await store.flushed()
    // flushed() resolves once the appends are durable; their own callbacks run in the same turn.
    await new Promise((r) => setImmediate(r))
    expect(durable).toBe(20)
    expect((await store.load('board-a')).updates).toHaveLength(20)
    // With nothing pending both resolve at once.
    await store.committed()
    await store.flushed()
  })

  it('compacts: the snapshot replaces the log up to its position, later entries stay', async () => {
    await store.createBoard(record('board-a'), bytes(0))
    const first = await Promise.all([1, 2, 3].map((n) => store.append('board-a', bytes(n))))
    await store.compact('board-a', bytes(9, 9), first[1]!)
    const later = await store.append('board-a', bytes(4))
    const loaded = await store.load('board-a')
    expect(loaded.snapshot).toEqual(bytes(9, 9))
    expect(texts(loaded.updates)).toEqual(['3', '4'])
    expect(loaded.lastSeq).toBe(later)
    // A snapshot never moves back: an older one (whose log is gone) is ignored.
    await store.compact('board-a', bytes(1, 1), first[0]!)
    const after = await (await under.reopen()).load('board-a')
    expect(after.snapshot).toEqual(bytes(9, 9))
    expect(texts(after.updates)).toEqual(['3', '4'])
  })

  it('keeps private docs apart, lists them by prefix, and matches prefixes literally', async () => {
    await store.createBoard(record('ab_c'), bytes(0))
    await store.createBoard(record('abxc'), bytes(0))
    await store.append('ab_c/p/eins', bytes(1))
    await store.append('ab_c/p/zwei', bytes(2))
    await store.append('abxc/p/drei', bytes(3))
    expect(await store.listDocs('ab_c/p/')).toEqual(['ab_c/p/eins', 'ab_c/p/zwei'])
    expect(await store.listDocs('abxc/p/')).toEqual(['abxc/p/drei'])
    expect(await store.listDocs('ab%')).toEqual([])
    expect(texts((await store.load('ab_c/p/zwei')).updates)).toEqual(['2'])
    expect(await store.load('ab_c/p/keiner')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    // A compacted private doc is still listed.
    const seq = await store.append('ab_c/p/eins', bytes(5))
    await store.compact('ab_c/p/eins', bytes(1, 5), seq)
    expect(await store.listDocs('ab_c/p/')).toEqual(['ab_c/p/eins', 'ab_c/p/zwei'])
  })

  it('deletes a board with every doc of it, and nothing of another', async () => {
    await store.createBoard(record('ab_c'), bytes(0))
    await store.createBoard(record('abxc'), bytes(0))
    await store.append('ab_c', bytes(1))
    await store.append('ab_c/p/eins', bytes(2))
    await store.append('abxc', bytes(3))
    await store.append('abxc/p/zwei', bytes(4))
    const code = await under.codes(Date.now).codeFor('ab_c')
    await store.deleteBoard('ab_c')
    expect(await store.getBoard('ab_c')).toBeNull()
    expect(await store.load('ab_c')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    expect(await store.listDocs('ab_c/')).toEqual([])
    expect(await store.getBoard('abxc')).not.toBeNull()
    expect(texts((await store.load('abxc')).updates)).toEqual(['3'])
    expect(await store.listDocs('abxc/')).toEqual(['abxc/p/zwei'])
    // The code of a deleted board leads nowhere (dropped with it, or refused at lookup).
    const lookedUp = await under.codes(Date.now).boardOf(code.code)
    expect(lookedUp === null || (await store.getBoard(lookedUp)) === null).toBe(true)
  })

  it('keeps co-moderator links per board: hashed token, label, creation time; revokes one; drops them with the board', async () => {
    const link = (boardId: string, id: string, createdAt: number, fill: number) => ({
      boardId,
      id,
      hash: new Uint8Array(32).fill(fill),
      label: `Link ${id} – „Äbc“`,
      createdAt,
    })
    await store.createBoard(record('board-a'), bytes(0))
    await store.createBoard(record('board-b'), bytes(0))
    await store.addModeratorLink(link('board-a', 'l2', T0 + 2, 2))
    await store.addModeratorLink(link('board-a', 'l1', T0 + 1, 1))
    await store.addModeratorLink(link('board-b', 'l1', T0 + 3, 3))
    const listed = await store.moderatorLinks('board-a')
    expect(listed).toEqual([link('board-a', 'l1', T0 + 1, 1), link('board-a', 'l2', T0 + 2, 2)])
    expect(listed[0]?.hash).toBeInstanceOf(Uint8Array)
    // Ids are per board; a link needs its board; the same id twice on a board is refused.
    await expect(store.addModeratorLink(link('board-x', 'l9', T0, 9))).rejects.toThrow()
    await expect(store.addModeratorLink(link('board-a', 'l1', T0 + 5, 5))).rejects.toThrow()
    expect(await store.moderatorLinks('board-x')).toEqual([])

    expect(await store.revokeModeratorLink('board-a', 'l1')).toBe(true)
    expect(await store.revokeModeratorLink('board-a', 'l1')).toBe(false)
    expect(await store.revokeModeratorLink('board-x', 'l2')).toBe(false)
    expect((await store.moderatorLinks('board-a')).map((l) => l.id)).toEqual(['l2'])
    expect((await store.moderatorLinks('board-b')).map((l) => l.id)).toEqual(['l1'])

    await store.deleteBoard('board-a')
    expect(await store.moderatorLinks('board-a')).toEqual([])
    // A board made again under the same id starts without links.
    await store.createBoard(record('board-a'), bytes(0))
    expect(await store.moderatorLinks('board-a')).toEqual([])
    expect((await store.moderatorLinks('board-b')).map((l) => l.id)).toEqual(['l1'])
  })

  it('lists boards without activity since a moment; an append counts as activity', async () => {
    const now = Date.now()
    await store.createBoard(record('alt', now - 40 * DAY), bytes(0))
    await store.createBoard(record('auch-alt', now - 35 * DAY), bytes(0))
    await store.createBoard(record('frisch', now - 2 * DAY), bytes(0))
    await store.append('auch-alt', bytes(1))
    expect(await store.listExpired(now - 30 * DAY)).toEqual(['alt'])
    expect((await store.getBoard('auch-alt'))!.activeAt).toBeGreaterThanOrEqual(now)
  })

  it('sweeps expired boards with their private docs (retention) and keeps boards in use', async () => {
    await store.createBoard(record('alt-und-vergessen', T0), bytes(0))
    await store.createBoard(record('noch-in-benutzung', T0), bytes(0))
    await store.createBoard(record('frisch-und-aktiv', T0 + 29 * DAY), bytes(0))
    await store.append('alt-und-vergessen/p/someone', bytes(1, 2, 3))
    const evicted: string[] = []
    const retention = startRetention({
      store,
      ttlDays: 30,
      now: () => T0 + 31 * DAY,
      inUse: (id) => id === 'noch-in-benutzung',
      evict: async (id) => void evicted.push(id),
    })
    try {
      expect(await retention.sweep()).toEqual(['alt-und-vergessen'])
    } finally {
      retention.stop()
    }
    expect(evicted).toEqual(['alt-und-vergessen'])
    expect(await store.getBoard('alt-und-vergessen')).toBeNull()
    expect(await store.listDocs('alt-und-vergessen/')).toEqual([])
    expect(await store.getBoard('noch-in-benutzung')).not.toBeNull()
    expect(await store.getBoard('frisch-und-aktiv')).not.toBeNull()
  })

  it('keeps a Papierkorb per board: replace by id, take one, empty, expire, and gone with the board', async () => {
    await store.createBoard(record('board-a'), bytes(0))
    await store.createBoard(record('board-b'), bytes(0))
    const entry = (boardId: string, id: string, deletedAt: number, ...data: number[]) => ({ boardId, id, deletedAt, data: bytes(...data) })
    await store.putTrash(entry('board-a', 'n1', T0 + 2, 1))
    await store.putTrash(entry('board-a', 'n2', T0 + 1, 2))
    await store.putTrash(entry('board-a', 'n1', T0 + 3, 9))
    await store.putTrash(entry('board-b', 'n1', T0 + 5, 5))
    // A board that does not exist keeps nothing.
    await store.putTrash(entry('board-x', 'n1', T0, 7))
    expect(await store.trash('board-a')).toEqual([entry('board-a', 'n2', T0 + 1, 2), entry('board-a', 'n1', T0 + 3, 9)])
    expect(await store.trash('board-x')).toEqual([])
    expect(await store.takeTrash('board-a', 'n2')).toBe(true)
    expect(await store.takeTrash('board-a', 'n2')).toBe(false)
    expect((await (await under.reopen()).trash('board-a')).map((r) => r.id)).toEqual(['n1'])
    expect(await store.dropTrashBefore(T0 + 4)).toBe(1)
    expect(await store.trash('board-a')).toEqual([])
    expect((await store.trash('board-b')).map((r) => r.id)).toEqual(['n1'])
    await store.putTrash(entry('board-a', 'n3', T0 + 6, 3))
    await store.emptyTrash('board-a')
    expect(await store.trash('board-a')).toEqual([])
    await store.deleteBoard('board-b')
    expect(await store.trash('board-b')).toEqual([])
  })

  it('runs an exclusive task and hands back its result', async () => {
    expect(await store.exclusively('retention', async () => 'gelaufen')).toBe('gelaufen')
    await expect(store.exclusively('retention', () => Promise.reject(new Error('kaputt')))).rejects.toThrow('kaputt')
    // A failed task leaves nothing held: the next one runs.
    expect(await store.exclusively('retention', async () => 2)).toBe(2)
  })

  it('lets a board code live 24 hours, then issues a new one and purges the old', async () => {
    let now = Date.UTC(2030, 4, 17, 9)
    const codes = under.codes(() => now)
    const first = await codes.codeFor('board-a')
    expect(first.expiresAt).toBe(now + CODE_TTL_MS)
    now += CODE_TTL_MS - 1
    expect(await codes.boardOf(first.code)).toBe('board-a')
    expect((await codes.codeFor('board-a')).code).toBe(first.code)
    now += 1
    expect(await codes.boardOf(first.code)).toBeNull()
    const second = await codes.codeFor('board-a')
    expect(second.code).not.toBe(first.code)
    expect(await codes.boardOf(second.code)).toBe('board-a')
    const other = await codes.codeFor('board-b')
    expect(other.code).not.toBe(second.code)
    await codes.forget('board-b')
    expect(await codes.boardOf(other.code)).toBeNull()
    await codes.codeFor('board-c')
    now += CODE_TTL_MS
    expect(await codes.purge()).toBe(2)
    await codes.close()
  })

  it('keeps series of meetings: a follow-up starts a series or joins its previous meeting\'s, in order; deletion leaves it', async () => {
    for (const id of ['m1', 'm2', 'm3', 'm4', 'other']) await store.createBoard(record(id), bytes(0))
    expect(await store.seriesOf('m1')).toBeNull()
    expect(await store.addFollowUp('m1', 'm2', 'series-a')).toBe('series-a')
    // A follow-up of any meeting of the series joins it (not a new series), at the end.
    expect(await store.addFollowUp('m1', 'm3', 'series-b')).toBe('series-a')
    expect(await store.addFollowUp('m3', 'm4', 'series-c')).toBe('series-a')
    expect(await store.seriesBoards('series-a')).toEqual(['m1', 'm2', 'm3', 'm4'])
    expect(await store.seriesOf('m4')).toBe('series-a')
    expect(await store.seriesOf('other')).toBeNull()
    expect(await store.seriesBoards('series-b')).toEqual([])
    await store.deleteBoard('m2')
    expect(await store.seriesOf('m2')).toBeNull()
    expect(await store.seriesBoards('series-a')).toEqual(['m1', 'm3', 'm4'])
    const again = await under.reopen()
    expect(await again.seriesBoards('series-a')).toEqual(['m1', 'm3', 'm4'])
  })

  it('refuses a follow-up of or to an unknown board, leaving no series behind', async () => {
    await store.createBoard(record('m1'), bytes(0))
    await expect(store.addFollowUp('gone', 'm1', 'series-x')).rejects.toThrow()
    await expect(store.addFollowUp('m1', 'gone', 'series-y')).rejects.toThrow()
    expect(await store.seriesOf('m1')).toBeNull()
    expect(await store.seriesBoards('series-y')).toEqual([])
  })

  it('gives follow-ups made at once in one series each its own place', async () => {
    for (const id of ['m1', 'a', 'b', 'c', 'd']) await store.createBoard(record(id), bytes(0))
    const made = await Promise.all(['a', 'b', 'c', 'd'].map((id, i) => store.addFollowUp('m1', id, `series-${i}`)))
    expect(new Set(made).size).toBe(1)
    const boards = await store.seriesBoards(made[0]!)
    expect(boards[0]).toBe('m1')
    expect([...boards].sort()).toEqual(['a', 'b', 'c', 'd', 'm1'])
  })
})
