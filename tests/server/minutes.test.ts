import { beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { setMeetingDetails } from '../../model/details'
import { addNote, setQuote } from '../../model/notes'
import { setPerson } from '../../model/people'
import { peopleOf } from '../../model/schema'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'

const kit = useServerKit()
let board: CreatedBoard

function join(moderator = false): TestClient {
  return kit.connect(board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
}

function content(doc: Y.Doc): string {
  const { participantCount: _joined, seats: _seats, ...rest } = toBoardView(doc)
  return JSON.stringify(rest)
}

async function exportMd(): Promise<string> {
  const res = await kit.exportOf(board, 'md')
  return res.text()
}

beforeEach(async () => {
  board = await createBoard(await kit.start(), { title: 'Treffen' })
})

describe('quotes, meeting details and institutions through the real server', () => {
  const forbidden: [string, (doc: Y.Doc, note: string, moderatorId: string) => void][] = [
    ['mark a note "Zitat"', (doc, note) => setQuote(doc, note, true)],
    ['set the meeting details', (doc) => setMeetingDetails(doc, { format: 'hybrid', organiser: 'Gehackt' })],
    ["write someone else's institution", (doc, _note, moderatorId) => setPerson(doc, moderatorId, { institution: 'Untergeschoben' })],
    ['write a name while names are not allowed', (doc) => peopleOf(doc).set('whoever', { name: 'Jemand' })],
    ['allow names in exports', (doc) => setSetting(doc, 'namesInExports', true)],
  ]

  for (const [what, change] of forbidden) {
    it(`a participant cannot ${what}: rejected, nothing changes for anyone`, async () => {
      const mod = join(true)
      await mod.synced()
      setSetting(mod.doc, 'privateWriting', false)
      setPerson(mod.doc, mod.actor.participantId, { institution: 'Landeskoordination' })
      const note = addNote(mod.doc, { zone: 'steigen', text: 'Wir konnten andocken', author: mod.actor.participantId })
      await mod.settled()
      const p = join()
      await p.synced()
      await waitFor(() => toBoardView(p.doc).noteCount === 1)
      const before = content(mod.doc)
      change(p.doc, note, mod.actor.participantId)
      await waitFor(() => p.rejects.length > 0, 3000, 'reject')
      await waitFor(() => p.closes.includes(4422), 3000, 'close 4422')
      expect(content(mod.doc)).toBe(before)
      const fresh = join()
      await fresh.synced()
      expect(content(fresh.doc)).toBe(before)
    })
  }

  it('a participant writes its own institution; the moderator marks a quote and sets the details; export.md shows them, no id', async () => {
    const mod = join(true)
    await mod.synced()
    setSetting(mod.doc, 'privateWriting', false)
    const note = addNote(mod.doc, { zone: 'steigen', text: 'Wir konnten andocken', author: mod.actor.participantId })
    await mod.settled()
    const p = join()
    await p.synced()
    setPerson(p.doc, p.actor.participantId, { institution: 'Stadt Kassel' })
    await p.settled()
    setQuote(mod.doc, note, true)
    setMeetingDetails(mod.doc, { date: '2025-01-29', format: 'praesenz', place: 'Rathaus Kassel' })
    await mod.settled()
    expect(p.rejects).toEqual([])
    expect(mod.rejects).toEqual([])
    const md = await exportMd()
    expect(md).toContain('- Institutionen: Stadt Kassel')
    expect(md).toContain('- Format: in Präsenz')
    expect(md).toContain('„Wir konnten andocken“ (Teilnehmerin/Teilnehmer der Veranstaltung)')
    expect(md).not.toContain(p.actor.participantId)
    expect(md).not.toContain(mod.actor.participantId)
  })
})
