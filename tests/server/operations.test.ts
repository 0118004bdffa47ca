import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, editNoteText } from '../../model/notes'
import { EMPTY_OPERATOR_DETAILS } from '../../protocol/operator'
import { joinSocket } from '../helpers/abuse'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { parsePrometheus, valueOf } from '../helpers/prometheus'
import type { Exposition } from '../helpers/prometheus'
import { createBoard, OPEN_BOARD, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({ boardTtlDays: 7, operator: { ...EMPTY_OPERATOR_DETAILS, name: 'Landkreis Beispiel' } })
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server?.stop()
})

async function metrics(): Promise<Exposition> {
  const res = await fetch(`${server.http}/metrics`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parsePrometheus(await res.text())
}

describe('probes', () => {
  it('/healthz: the process is alive', async () => {
    const res = await fetch(`${server.http}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok' })
  })

  it('/readyz: 200 while the store can be written, 503 naming the store when the data directory is gone, 200 again after', async () => {
    const ready = await fetch(`${server.http}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok' } })

    // A lost volume: the directory replaced by a file. Root may write anywhere, so a chmod
    // would not stop this test's own user; a path that is not a directory stops everyone.
    const moved = `${server.dataDir}.away`
    renameSync(server.dataDir, moved)
    writeFileSync(server.dataDir, 'not a directory')
    try {
      const unready = await fetch(`${server.http}/readyz`)
      expect(unready.status).toBe(503)
      expect(await unready.json()).toEqual({ status: 'unready', checks: { store: 'failed' } })
      // Alive all the same: a restart would not help, so liveness stays green.
      expect((await fetch(`${server.http}/healthz`)).status).toBe(200)
    } finally {
      rmSync(server.dataDir)
      renameSync(moved, server.dataDir)
    }
    expect((await fetch(`${server.http}/readyz`)).status).toBe(200)
  })

  it('answer only GET and HEAD', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/api/config']) {
      expect((await fetch(`${server.http}${path}`, { method: 'POST' })).status, path).toBe(405)
      expect((await fetch(`${server.http}${path}`, { method: 'HEAD' })).status, path).toBe(200)
    }
  })
})

describe('/metrics', () => {
  it('is Prometheus text with the server’s families and the event-loop delay', async () => {
    const m = await metrics()
    expect(m.types.get('ballonfahrt_connections')).toBe('gauge')
    expect(m.types.get('ballonfahrt_boards_loaded')).toBe('gauge')
    expect(m.types.get('ballonfahrt_updates_applied_total') ?? m.types.get('ballonfahrt_updates_applied')).toBe('counter')
    expect(m.types.get('ballonfahrt_updates_rejected_total') ?? m.types.get('ballonfahrt_updates_rejected')).toBe('counter')
    for (const h of ['ballonfahrt_ack_latency_seconds', 'ballonfahrt_store_commit_seconds', 'ballonfahrt_store_fsync_seconds']) expect(m.types.get(h), h).toBe('histogram')
    expect(m.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge')
    expect(m.types.get('nodejs_eventloop_lag_p99_seconds')).toBe('gauge')
  })

  it('counts applied updates, their ack latency, commits, fsyncs, connections and loaded boards', async () => {
    const before = await metrics()
    const board = await createBoard(server, OPEN_BOARD)
    const writer = connectClient(server.ws, board.boardId)
    clients.push(writer)
    await writer.synced()
    for (let i = 0; i < 3; i++) addNote(writer.doc, { zone: 'steigen', text: `Notiz ${i}`, author: writer.actor.participantId })
    await writer.settled()
    const after = await metrics()
    const grew = (name: string) => valueOf(after, name) - valueOf(before, name)
    expect(grew('ballonfahrt_updates_applied_total')).toBeGreaterThanOrEqual(3)
    expect(grew('ballonfahrt_ack_latency_seconds_count')).toBeGreaterThanOrEqual(3)
    expect(grew('ballonfahrt_store_commit_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(grew('ballonfahrt_store_fsync_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(valueOf(after, 'ballonfahrt_ack_latency_seconds_bucket', { le: '+Inf' })).toBe(valueOf(after, 'ballonfahrt_ack_latency_seconds_count'))
    expect(valueOf(after, 'ballonfahrt_connections')).toBeGreaterThanOrEqual(1)
    expect(valueOf(after, 'ballonfahrt_boards_loaded')).toBeGreaterThanOrEqual(1)
  })

  it('counts a rejected update by its rule code', async () => {
    const board = await createBoard(server, OPEN_BOARD)
    const [a, b] = [connectClient(server.ws, board.boardId), connectClient(server.ws, board.boardId)]
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    const id = addNote(a.doc, { zone: 'steigen', text: 'von A', author: a.actor.participantId })
    await waitFor(() => b.doc.getMap('notes').size === 1)
    const before = await metrics()
    editNoteText(b.doc, id, 'von B überschrieben')
    await waitFor(() => b.rejects.length > 0)
    expect(b.rejects).toEqual(['notAllowed'])
    const after = await metrics()
    const rejected = (m: Exposition) => valueOf(m, 'ballonfahrt_updates_rejected_total', { reason: 'notAllowed' })
    expect(rejected(after) - rejected(before)).toBe(1)
  })

  it('counts refused frames and refused connections by reason, and HTTP answers by route and status', async () => {
    const board = await createBoard(server, OPEN_BOARD)
    const before = await metrics()
    const garbage = joinSocket(`${server.ws}/${board.boardId}`, { secret: 'abcdefghijklmnopqrstuv' })
    await garbage.opened
    garbage.ws.send(Buffer.from([0x7f, 0x01]))
    expect((await garbage.closed).code).toBe(1003)
    const unknown = joinSocket(`${server.ws}/AAAAAAAAAAAAAAAAAAAAAA`, { secret: 'abcdefghijklmnopqrstuv' })
    expect((await unknown.closed).code).toBe(4404)
    await fetch(`${server.http}/api/nothing`)
    await fetch(`${server.http}/api/boards/${board.boardId}`)
    const after = await metrics()
    const grew = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels)
    expect(grew('ballonfahrt_frames_refused_total', { reason: 'unknown message type' })).toBe(1)
    expect(grew('ballonfahrt_connections_refused_total', { reason: 'unknownBoard' })).toBe(1)
    expect(grew('ballonfahrt_http_responses_total', { route: '/api/other', status: '404' })).toBe(1)
    expect(grew('ballonfahrt_http_responses_total', { route: '/api/boards/:id', status: '200' })).toBe(1)
    // No label value carries a board id, a token or a path with one.
    expect(JSON.stringify(after.samples)).not.toContain(board.boardId)
  })

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await startTestServer({ metricsToken: 'geheim-und-lang' })
    try {
      const none = await fetch(`${guarded.http}/metrics`)
      expect(none.status).toBe(401)
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect((await fetch(`${guarded.http}/metrics`, { headers: { authorization: 'Bearer falsch' } })).status).toBe(401)
      expect((await fetch(`${guarded.http}/metrics`, { headers: { authorization: 'Bearer geheim-und-lang-nicht' } })).status).toBe(401)
      const ok = await fetch(`${guarded.http}/metrics`, { headers: { authorization: 'Bearer geheim-und-lang' } })
      expect(ok.status).toBe(200)
      parsePrometheus(await ok.text())
      // The probes stay open to the orchestrator.
      expect((await fetch(`${guarded.http}/readyz`)).status).toBe(200)
    } finally {
      await guarded.stop()
    }
  })
})

describe('/api/config', () => {
  it('answers the operator’s details and the one retention period (BOARD_TTL_DAYS)', async () => {
    const res = await fetch(`${server.http}/api/config`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { operator: { name: string; retentionDays: number; address: string[] } }
    expect(body.operator.name).toBe('Landkreis Beispiel')
    expect(body.operator.retentionDays).toBe(7)
    expect(body.operator.address).toEqual([])
  })
})

