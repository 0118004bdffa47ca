import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BERICHT_PARTS, editBerichtPart, startBericht } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { LIMITS } from '../../model/limits'
import { addNote } from '../../model/notes'
import { berichtOf } from '../../model/schema'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

// The Bericht (issue 16) is the moderator's: the real server's guard refuses every way a
// participant could write it, and the moderator's edits reach every export.

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

function join(moderator = false): TestClient {
  const c = connectClient(server.ws, board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
  clients.push(c)
  return c
}

const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>

function content(doc: Y.Doc): string {
  const { participantCount: _joined, ...rest } = toBoardView(doc)
  return JSON.stringify(rest)
}

async function exportOf(kind: 'md' | 'json'): Promise<string> {
  const res = await fetch(`${server.http}/api/boards/${board.boardId}/export.${kind}`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
  expect(res.status).toBe(200)
  return res.text()
}

beforeEach(async () => {
  server = await startTestServer()
  board = await createBoard(server, { title: 'Treffen' })
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('the Bericht through the real server', () => {
  const forbidden: [string, (doc: Y.Doc) => void][] = [
    ['start the Bericht', (doc) => startBericht(doc, DRAFT)],
    ['edit a started part', (doc) => editBerichtPart(doc, 'steigen', 'Vom Teilnehmer umgeschrieben')],
    ['remove a part', (doc) => berichtOf(doc).delete('intro')],
    ['replace a part with a new text', (doc) => berichtOf(doc).set('fazit', new Y.Map([['text', new Y.Text('Untergeschoben')]]))],
  ]

  for (const [what, change] of forbidden) {
    it(`a participant cannot ${what}: rejected, nothing changes for anyone`, async () => {
      const mod = join(true)
      await mod.synced()
      setSetting(mod.doc, 'privateWriting', false)
      addNote(mod.doc, { zone: 'steigen', text: 'Gute Vernetzung', author: mod.actor.participantId })
      if (what !== 'start the Bericht') startBericht(mod.doc, DRAFT)
      await mod.settled()
      const p = join()
      await p.synced()
      await waitFor(() => toBoardView(p.doc).noteCount === 1)
      const before = content(mod.doc)
      change(p.doc)
      await waitFor(() => p.rejects.length > 0, 3000, 'reject')
      await waitFor(() => p.closes.includes(4422), 3000, 'close 4422')
      expect(content(mod.doc)).toBe(before)
      const fresh = join()
      await fresh.synced()
      expect(content(fresh.doc)).toBe(before)
    })
  }

  it('the moderator cannot write a part that is not one, nor a part over its length', async () => {
    const mod = join(true)
    await mod.synced()
    startBericht(mod.doc, DRAFT)
    await mod.settled()
    expect(mod.rejects).toEqual([])
    mod.doc.getMap<Y.Map<unknown>>('bericht').set('anhang', new Y.Map([['text', new Y.Text('Fremder Teil')]]))
    await waitFor(() => mod.rejects.length > 0, 3000, 'reject unknown part')
    expect(mod.rejects[0]).toBe('invalid')

    const again = join(true)
    await again.synced()
    expect(toBoardView(again.doc).bericht).toEqual(DRAFT)
    const text = berichtOf(again.doc).get('fazit')?.get('text') as Y.Text
    text.insert(text.length, 'x'.repeat(LIMITS.berichtPartLength))
    await waitFor(() => again.rejects.length > 0, 3000, 'reject too long')
    expect(again.rejects[0]).toBe('tooLong')
  })

  it("the moderator's edits go into export.md and export.json; the other moderator and a participant see them", async () => {
    const mod = join(true)
    await mod.synced()
    startBericht(mod.doc, DRAFT)
    editBerichtPart(mod.doc, 'steigen', 'Als förderlich wurden vor allem die gelungene Vernetzungsarbeit und die politische Unterstützung genannt.')
    editBerichtPart(mod.doc, 'fazit', 'Die Gruppe will im nächsten Treffen an die Öffentlichkeitsarbeit anknüpfen.')
    await mod.settled()
    expect(mod.rejects).toEqual([])
    const p = join()
    await p.synced()
    expect(toBoardView(p.doc).bericht.fazit).toBe('Die Gruppe will im nächsten Treffen an die Öffentlichkeitsarbeit anknüpfen.')

    const md = await exportOf('md')
    expect(md).toContain('Als förderlich wurden vor allem die gelungene Vernetzungsarbeit und die politische Unterstützung genannt.')
    expect(md).toContain('Die Gruppe will im nächsten Treffen an die Öffentlichkeitsarbeit anknüpfen.')
    expect(md).not.toContain('Entwurf steigen')
    const file = JSON.parse(await exportOf('json')) as { bericht?: Record<string, string> }
    expect(file.bericht?.steigen).toBe('Als förderlich wurden vor allem die gelungene Vernetzungsarbeit und die politische Unterstützung genannt.')
    expect(file.bericht?.intro).toBe('Entwurf intro')
  })
})
