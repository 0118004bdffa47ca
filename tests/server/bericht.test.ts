import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BERICHT_PARTS, editBerichtPart, regenerateBerichtPart, startBericht } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { LIMITS } from '../../model/limits'
import { toHtml, toPlainText } from '../../model/export/text'
import { addNote } from '../../model/notes'
import { setPerson } from '../../model/people'
import { setLocked, setPhase } from '../../model/phases'
import { berichtOf } from '../../model/schema'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { waitFor } from '../helpers/clients'
import { readDocx } from '../helpers/docxText'
import type { TestClient } from '../helpers/clients'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'

// The Bericht (issue 16) is the moderator's by default: the real server's guard refuses every way
// a participant could write it, and the moderator's edits reach every export. With the setting
// „Teilnehmende dürfen den Bericht mitschreiben“ participants write its text too, but only that.

const kit = useServerKit()
let board: CreatedBoard

function join(moderator = false): TestClient {
  return kit.connect(board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
}

const WRITTEN = 'Gelobt wurden vor allem die kurzen Wege zwischen Kita und Jugendamt.'
const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>

function content(doc: Y.Doc): string {
  const { participantCount: _joined, seats: _seats, ...rest } = toBoardView(doc)
  return JSON.stringify(rest)
}

async function exportOf(kind: 'md' | 'json'): Promise<string> {
  const res = await kit.exportOf(board, kind)
  expect(res.status).toBe(200)
  return res.text()
}

beforeEach(async () => {
  board = await createBoard(await kit.start(), { title: 'Treffen' })
})

/**
 * The moderator prepares the board (`prepare`, a note and, unless `started` is false, the started
 * Bericht); a participant tries `change`: refused with `code`, and nothing changes for anyone.
 */
async function expectRefused(prepare: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void, code: string, started = true): Promise<void> {
  const mod = join(true)
  await mod.synced()
  setSetting(mod.doc, 'privateWriting', false)
  addNote(mod.doc, { zone: 'steigen', text: 'Gute Vernetzung', author: mod.actor.participantId })
  if (started) startBericht(mod.doc, DRAFT)
  prepare(mod.doc)
  await mod.settled()
  expect(mod.rejects).toEqual([])
  const p = join()
  await p.synced()
  await waitFor(() => toBoardView(p.doc).noteCount === 1)
  const before = content(mod.doc)
  change(p.doc)
  await waitFor(() => p.rejects.length > 0, 3000, 'reject')
  expect(p.rejects[0]).toBe(code)
  await waitFor(() => p.closes.includes(4422), 3000, 'close 4422')
  expect(content(mod.doc)).toBe(before)
  const fresh = join()
  await fresh.synced()
  expect(content(fresh.doc)).toBe(before)
}

const allowWriting = (doc: Y.Doc) => setSetting(doc, 'participantsWriteBericht', true)

describe('the Bericht through the real server', () => {
  const forbidden: [string, (doc: Y.Doc) => void][] = [
    ['start the Bericht', (doc) => startBericht(doc, DRAFT)],
    ['edit a started part', (doc) => editBerichtPart(doc, 'steigen', 'Vom Teilnehmer umgeschrieben')],
    ['remove a part', (doc) => berichtOf(doc).delete('intro')],
    ['replace a part with a new text', (doc) => berichtOf(doc).set('fazit', new Y.Map([['text', new Y.Text('Untergeschoben')]]))],
    ['turn on „Teilnehmende dürfen den Bericht mitschreiben“', allowWriting],
  ]

  for (const [what, change] of forbidden) {
    it(`a participant cannot ${what}: rejected, nothing changes for anyone`, async () => {
      await expectRefused(() => {}, change, 'notAllowed', what !== 'start the Bericht')
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

describe('when participants may write the Bericht along („Teilnehmende dürfen den Bericht mitschreiben“)', () => {
  it('a participant starts it and edits a part, also in Abschluss; the moderator, another participant and export.md have the edit', async () => {
    const mod = join(true)
    await mod.synced()
    allowWriting(mod.doc)
    setPhase(mod.doc, 'abschluss')
    await mod.settled()
    const p = join()
    await p.synced()
    await waitFor(() => toBoardView(p.doc).settings.participantsWriteBericht)
    startBericht(p.doc, DRAFT)
    editBerichtPart(p.doc, 'untenHalten', 'Hemmend wirkten vor allem die knappen Haushalte.')
    await p.settled()
    expect(p.rejects).toEqual([])
    await waitFor(() => toBoardView(mod.doc).bericht.untenHalten === 'Hemmend wirkten vor allem die knappen Haushalte.')
    const other = join()
    await other.synced()
    expect(toBoardView(other.doc).bericht).toEqual({ ...DRAFT, untenHalten: 'Hemmend wirkten vor allem die knappen Haushalte.' })
    expect(await exportOf('md')).toContain('Hemmend wirkten vor allem die knappen Haushalte.')
  })

  it("the moderator's „Absatz neu erzeugen“ replaces a participant's text; the setting off again, the participant is refused", async () => {
    const mod = join(true)
    await mod.synced()
    allowWriting(mod.doc)
    startBericht(mod.doc, DRAFT)
    await mod.settled()
    const p = join()
    await p.synced()
    await waitFor(() => toBoardView(p.doc).bericht.fazit === DRAFT.fazit)
    editBerichtPart(p.doc, 'fazit', 'Fazit der Gruppe')
    await p.settled()
    await waitFor(() => toBoardView(mod.doc).bericht.fazit === 'Fazit der Gruppe')
    regenerateBerichtPart(mod.doc, 'fazit', DRAFT.fazit)
    setSetting(mod.doc, 'participantsWriteBericht', false)
    await mod.settled()
    expect(mod.rejects).toEqual([])
    await waitFor(() => !toBoardView(p.doc).settings.participantsWriteBericht)
    expect(toBoardView(p.doc).bericht.fazit).toBe(DRAFT.fazit)
    editBerichtPart(p.doc, 'fazit', 'Noch einmal')
    await waitFor(() => p.rejects.length > 0, 3000, 'reject')
    expect(p.rejects[0]).toBe('notAllowed')
    expect(toBoardView(mod.doc).bericht.fazit).toBe(DRAFT.fazit)
  })

  const forbidden: [string, (doc: Y.Doc) => void, string][] = [
    ['remove a part', (doc) => berichtOf(doc).delete('intro'), 'notAllowed'],
    ['replace a part („Absatz neu erzeugen“)', (doc) => regenerateBerichtPart(doc, 'fazit', 'Untergeschoben'), 'notAllowed'],
    ['write a part that is not one', (doc) => berichtOf(doc).set('anhang', new Y.Map([['text', new Y.Text('Fremder Teil')]])), 'invalid'],
    ['make a part longer than its limit', (doc) => insertAtEnd(doc, 'steigen', 'x'.repeat(LIMITS.berichtPartLength)), 'tooLong'],
    ['turn the setting off', (doc) => setSetting(doc, 'participantsWriteBericht', false), 'notAllowed'],
    ['write a note with the part in Abschluss', (doc) => withNote(doc, () => editBerichtPart(doc, 'steigen', 'Ergänzt')), 'readOnly'],
  ]

  for (const [what, change, code] of forbidden) {
    it(`a participant still cannot ${what}: ${code}, nothing changes for anyone`, async () => {
      await expectRefused((doc) => {
        allowWriting(doc)
        if (what.includes('Abschluss')) setPhase(doc, 'abschluss')
      }, change, code)
    })
  }

  it('a locked board takes no Bericht edit from a participant', async () => {
    await expectRefused(
      (doc) => {
        allowWriting(doc)
        setLocked(doc, true)
      },
      (doc) => editBerichtPart(doc, 'steigen', 'Nach dem Sperren'),
      'readOnly',
    )
  })
})

describe("a participant's Bericht edits in every export", () => {
  it('export.md, export.docx, export.json, and the text and print built from the board carry the edit; no participant id anywhere on an anonymous board', async () => {
    const mod = join(true)
    await mod.synced()
    for (const [name, value] of [['privateWriting', false], ['anonymous', true], ['namesInExports', true], ['askInstitution', true]] as const) setSetting(mod.doc, name, value)
    allowWriting(mod.doc)
    await mod.settled()
    const p = join()
    await p.synced()
    await waitFor(() => toBoardView(p.doc).settings.participantsWriteBericht)
    setPerson(p.doc, p.actor.participantId, { institution: 'Gemeinde Alheim' })
    addNote(p.doc, { zone: 'steigen', text: 'Kurze Wege zum Jugendamt', author: null })
    startBericht(p.doc, DRAFT)
    editBerichtPart(p.doc, 'steigen', WRITTEN)
    await p.settled()
    expect(p.rejects).toEqual([])

    const reader = join()
    await reader.synced()
    const view = toBoardView(reader.doc)
    const docx = await kit.exportOf(board, 'docx')
    const out: Record<string, string> = {
      md: (await exportOf('md')).replace(/\\/g, ''),
      docx: readDocx(new Uint8Array(await docx.arrayBuffer())).paragraphs.map((para) => para.text).join('\n'),
      json: await exportOf('json'),
      txt: toPlainText(view, 'de'),
      html: toHtml(view, 'de'),
    }
    for (const [format, text] of Object.entries(out)) {
      expect(text, format).toContain(WRITTEN)
      expect(text, format).toContain('Gemeinde Alheim')
      expect(text, format).not.toContain(p.actor.participantId)
    }
    const csv = await kit.exportOf(board, 'csv')
    expect(await csv.text()).not.toContain(p.actor.participantId)
  })
})

function insertAtEnd(doc: Y.Doc, part: BerichtPart, text: string): void {
  const target = berichtOf(doc).get(part)?.get('text') as Y.Text
  target.insert(target.length, text)
}

/** `change` and a new note in one update. */
function withNote(doc: Y.Doc, change: () => void): void {
  doc.transact(() => {
    addNote(doc, { zone: 'steigen', text: 'Nachgereicht', author: null })
    change()
  })
}
