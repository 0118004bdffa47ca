import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REVOKE_AFTER_MS } from '../../client/report/files'
import { ReportPage } from '../../client/report/ReportPage'
import { setLocale } from '../../client/store/locale'
import { toCsv } from '../../model/export/csv'
import { toJson } from '../../model/export/json'
import { toMarkdown } from '../../model/export/markdown'
import { toHtml, toPlainText } from '../../model/export/text'
import { addNote } from '../../model/notes'
import { setBoardLocale, setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { REPORT_BOARD, reportBoard } from '../helpers/reportBoard'

let stop: (() => void) | null = null
afterEach(() => {
  stop?.()
  stop = null
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function board(...args: Parameters<typeof reportBoard>) {
  const made = reportBoard(...args)
  stop = made.stop
  return made
}

const EXPORT_BUTTONS = [
  'Markdown herunterladen',
  'CSV herunterladen',
  'CSV für Excel (Semikolon)',
  'JSON herunterladen',
  'Word (DOCX) herunterladen',
  'Als Bild (PNG) herunterladen',
  'Als Text kopieren',
]

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(); FileReader it has). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

/** A Blob's text as UTF-8, a leading byte order mark kept. */
async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(blob))
}

/** Captures what is downloaded: the Blob given to createObjectURL and the link clicked. */
function captureDownloads() {
  const blobs: Blob[] = []
  const created: string[] = []
  const revoked: string[] = []
  const clicks: { href: string; download: string }[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    const url = `blob:http://localhost/${blobs.length}`
    created.push(url)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url))
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href') ?? '', download: this.download })
  })
  return { blobs, created, revoked, clicks }
}

describe('the report (Ergebnis)', () => {
  it('shows title, date, topic, participants, the picture, the three zones in order and the actions', () => {
    board('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sprint 42 – Rückblick')
    expect(screen.queryByText(/Das Ergebnisprotokoll und seine Dateien/)).toBeNull()
    expect(screen.getByRole('article').getAttribute('lang')).toBe('de')
    const header = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement
    expect(within(header).getByText('29.01.2025')).toBeTruthy()
    expect(within(header).getByText('Zusammenarbeit im Team')).toBeTruthy()
    expect(within(header).getByText('3 Teilnehmende')).toBeTruthy()

    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Steigen – Förderliche Faktoren',
      'Unten halten – Hemmende Faktoren',
      'Einheizen – Impulse / nächste Schritte',
      'Maßnahmen',
    ])

    const steigen = screen.getByRole('region', { name: 'Steigen – Förderliche Faktoren' })
    expect(within(steigen).getByText('Was lässt uns steigen?')).toBeTruthy()
    // Technik (5 votes) before Team (2 votes), although Team was made first.
    const clusters = within(steigen).getAllByRole('listitem').filter((li) => li.classList.contains('report-cluster'))
    expect(clusters.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual(['Technik 5 Stimmen', 'Team 2 Stimmen'])
    expect(within(clusters[1] as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Gute Stimmung', 'Wir helfen uns'])
    expect(within(steigen).getByRole('heading', { name: 'Weitere Notizen' })).toBeTruthy()
    expect(within(steigen).getByText('Kaffee')).toBeTruthy()

    const unten = screen.getByRole('region', { name: 'Unten halten – Hemmende Faktoren' })
    expect(within(unten).getByRole('heading', { name: 'Notizen' })).toBeTruthy()
    expect(within(unten).getByRole('listitem').textContent).toBe('Zu viele Meetings 1 Stimme')
    const einheizen = screen.getByRole('region', { name: 'Einheizen – Impulse / nächste Schritte' })
    expect(within(einheizen).getByText('Keine Notizen.')).toBeTruthy()

    const table = screen.getByRole('table', { name: 'Maßnahmen' })
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Was', 'Wer', 'Bis wann', 'Bezug', 'Erledigt'])
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell').map((td) => td.textContent))).toEqual([
      ['Meetings kürzen', 'Anna', '15.02.2025', 'Technik', 'nein'],
    ])
    expect(within(rows[0]!).getAllByRole('cell').map((td) => td.getAttribute('data-label'))).toEqual(['Was', 'Wer', 'Bis wann', 'Bezug', 'Erledigt'])

    // The picture names the clusters at their zones.
    const picture = screen.getByRole('img', { name: 'Der Heißluftballon mit den Clustern an ihren Zonen' })
    const texts = [...picture.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['Steigen', 'Technik', 'Team', 'Unten halten', 'Zu viele Meetings', 'Einheizen']))
    expect(texts.indexOf('Technik')).toBeLessThan(texts.indexOf('Team'))
  })

  it('re-sorts when the votes change and follows new notes live', () => {
    const { doc, ids } = board('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const steigen = screen.getByRole('region', { name: 'Steigen – Förderliche Faktoren' })
    const titles = () => within(steigen).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(titles()).toEqual(['Technik 5 Stimmen', 'Team 2 Stimmen', 'Weitere Notizen'])

    act(() => doc.getMap('votes').set(ids.team, 9))
    expect(titles()).toEqual(['Team 9 Stimmen', 'Technik 5 Stimmen', 'Weitere Notizen'])

    act(() => void addNote(doc, { zone: 'einheizen', text: 'Mehr Pairing', author: 'p2' }))
    const einheizen = screen.getByRole('region', { name: 'Einheizen – Impulse / nächste Schritte' })
    expect(within(einheizen).getByText('Mehr Pairing')).toBeTruthy()
    expect(within(einheizen).queryByText('Keine Notizen.')).toBeNull()
  })

  it('is in the board language (English) while the interface is German: headings, table and files', async () => {
    const { doc } = board('moderator')
    act(() => setBoardLocale(doc, 'en'))
    const downloads = captureDownloads()
    const user = userEvent.setup()
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en')
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Lift – Supporting factors',
      'Holding down – Hindering factors',
      'Add heat – Impulses / next steps',
      'Actions',
    ])
    const header = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement
    expect(within(header).getByText('3 participants')).toBeTruthy()
    expect(within(header).getByText('29 January 2025')).toBeTruthy()
    expect(within(screen.getByRole('table', { name: 'Actions' })).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'What',
      'Who',
      'By when',
      'Related to',
      'Done',
    ])
    expect(screen.getByRole('img', { name: 'The hot-air balloon with the clusters at their zones' })).toBeTruthy()
    // The controls around the report follow the reader's interface.
    expect((within(screen.getByRole('group', { name: 'Sprache des Ergebnisprotokolls' })).getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByRole('link', { name: 'Zurück zum Board' }).getAttribute('href')).toBe(`/b/${REPORT_BOARD}`)
    await user.click(screen.getByRole('button', { name: 'Markdown herunterladen' }))
    expect(await textOf(downloads.blobs[0]!)).toBe(toMarkdown(toBoardView(doc), 'en'))
    expect(await textOf(downloads.blobs[0]!)).toContain('Supporting factors')
  })

  it('lets the moderator choose the report language where they export; participants only read it', async () => {
    const user = userEvent.setup()
    const { doc } = board('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const group = screen.getByRole('group', { name: 'Sprache des Ergebnisprotokolls' })
    await user.click(within(group).getByRole('radio', { name: 'English' }))
    expect(toBoardView(doc).locale).toBe('en')
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en')
    expect(screen.getAllByRole('heading', { level: 2 })[0]?.textContent).toBe('Lift – Supporting factors')
  })

  it('shows participants no language choice, but why the report is in another language than theirs', async () => {
    const { doc } = board('participant', { participantsExport: true })
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('button', { name: 'Markdown herunterladen' })).toBeTruthy()
    expect(screen.queryByRole('group', { name: 'Sprache des Ergebnisprotokolls' })).toBeNull()
    expect(screen.queryByText(/Das Ergebnisprotokoll und seine Dateien/)).toBeNull()
    act(() => setBoardLocale(doc, 'en'))
    expect(screen.getByText(/Das Ergebnisprotokoll und seine Dateien sind auf Englisch/)).toBeTruthy()
    await act(async () => setLocale('en'))
    expect(screen.queryByText(/The report and its files are/)).toBeNull()
    await act(async () => setLocale('de'))
  })

  it('is in the board language (German) while the interface is English', async () => {
    const { doc } = board('moderator')
    setLocale('en')
    const downloads = captureDownloads()
    const user = userEvent.setup()
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('article').getAttribute('lang')).toBe('de')
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)[0]).toBe('Steigen – Förderliche Faktoren')
    expect(within(screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement).getByText('3 Teilnehmende')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Back to the board' })).toBeTruthy()
    expect((within(screen.getByRole('group', { name: 'Language of the report' })).getByRole('radio', { name: 'Deutsch' }) as HTMLInputElement).checked).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Download CSV' }))
    expect(await textOf(downloads.blobs[0]!)).toBe(toCsv(toBoardView(doc), { separator: ',', locale: 'de' }))
    await act(async () => setLocale('de'))
  })

  it('offers the exports to moderators, and to participants only when allowed', () => {
    const { doc } = board('participant')
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('button', { name: 'Drucken / als PDF speichern' })).toBeTruthy()
    for (const name of EXPORT_BUTTONS) expect(screen.queryByRole('button', { name })).toBeNull()
    expect(screen.getByText('Exportieren kann bei diesem Board nur die Moderation.')).toBeTruthy()

    act(() => setSetting(doc, 'participantsExport', true))
    for (const name of EXPORT_BUTTONS) expect(screen.getByRole('button', { name })).toBeTruthy()
    expect(screen.queryByText('Exportieren kann bei diesem Board nur die Moderation.')).toBeNull()
  })

  it('shows every export to the moderator', () => {
    board('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const tools = screen.getByRole('region', { name: 'Ergebnis drucken und exportieren' })
    expect(within(tools).getAllByRole('button').map((b) => b.textContent)).toEqual(['Drucken / als PDF speichern', ...EXPORT_BUTTONS])
  })

  it('prints with window.print', async () => {
    board('participant')
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const user = userEvent.setup()
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Drucken / als PDF speichern' }))
    expect(print).toHaveBeenCalledTimes(1)
  })
})

describe('downloads', () => {
  it('"Markdown herunterladen" saves toMarkdown of the board under an ASCII name, then revokes the URL', async () => {
    const { doc } = board('moderator')
    const user = userEvent.setup()
    const downloads = captureDownloads()
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Markdown herunterladen' }))

    expect(downloads.blobs).toHaveLength(1)
    const blob = downloads.blobs[0] as Blob
    expect(blob.type).toBe('text/markdown;charset=utf-8')
    expect(await textOf(blob)).toBe(toMarkdown(toBoardView(doc), 'de'))
    expect(await textOf(blob)).toContain('### Technik')
    expect(downloads.clicks).toEqual([{ href: downloads.created[0], download: 'ballonfahrt-sprint-42-rueckblick-2025-01-29.md' }])
    expect(document.querySelector('a[download]')).toBeNull()
    expect(screen.getByRole('status').textContent).toBe('ballonfahrt-sprint-42-rueckblick-2025-01-29.md heruntergeladen')
    await waitFor(() => expect(downloads.revoked).toEqual(downloads.created), { timeout: REVOKE_AFTER_MS + 1000 })
  })

  it('CSV with commas, CSV for Excel with semicolons and a byte order mark, and JSON as the board file', async () => {
    const { doc } = board('moderator')
    const user = userEvent.setup()
    const downloads = captureDownloads()
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'CSV herunterladen' }))
    await user.click(screen.getByRole('button', { name: 'CSV für Excel (Semikolon)' }))
    await user.click(screen.getByRole('button', { name: 'JSON herunterladen' }))

    const view = toBoardView(doc)
    const [csv, excel, json] = downloads.blobs as [Blob, Blob, Blob]
    expect(await textOf(csv)).toBe(toCsv(view, { separator: ',', locale: 'de' }))
    expect(await textOf(csv)).toContain('Steigen,Technik,Pairing klappt')
    // Excel needs the byte order mark to read UTF-8.
    expect([...(await bytesOf(excel)).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(await textOf(excel)).toBe(toCsv(view, { separator: ';', locale: 'de' }))
    expect(await textOf(excel)).toContain('Steigen;Technik;Pairing klappt')
    expect(await textOf(json)).toBe(toJson(view))
    expect(JSON.parse(await textOf(json))).toMatchObject({ format: 'ballonfahrt-board', title: 'Sprint 42 – Rückblick' })
    expect(json.type).toBe('application/json;charset=utf-8')
    expect(downloads.clicks.map((c) => c.download)).toEqual([
      'ballonfahrt-sprint-42-rueckblick-2025-01-29.csv',
      'ballonfahrt-sprint-42-rueckblick-2025-01-29.csv',
      'ballonfahrt-sprint-42-rueckblick-2025-01-29.json',
    ])
  })

  it('"Word (DOCX) herunterladen" loads the Word exporter on demand and saves a .docx', async () => {
    board('moderator')
    const user = userEvent.setup()
    const downloads = captureDownloads()
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Word (DOCX) herunterladen' }))
    await waitFor(() => expect(downloads.clicks).toHaveLength(1), { timeout: 10_000 })
    const blob = downloads.blobs[0] as Blob
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    // A .docx is a zip: it starts with "PK".
    expect([...(await bytesOf(blob)).slice(0, 2)]).toEqual([0x50, 0x4b])
    expect(downloads.clicks[0]?.download).toBe('ballonfahrt-sprint-42-rueckblick-2025-01-29.docx')
  })

  it('"Als Bild (PNG) herunterladen" draws the picture SVG onto a 1600×900 canvas and saves the PNG', async () => {
    board('moderator')
    const user = userEvent.setup()
    const downloads = captureDownloads()
    const drawn: { width: number; height: number }[] = []
    class FakeImage {
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      set src(_url: string) {
        queueMicrotask(() => this.onload?.())
      }
    }
    vi.stubGlobal('Image', FakeImage)
    const context = { fillStyle: '', fillRect: vi.fn(), drawImage: vi.fn() }
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      drawn.push({ width: this.width, height: this.height })
      return context as unknown as CanvasRenderingContext2D
    } as never)
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) => callback(new Blob(['png'], { type: 'image/png' })))
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Bild (PNG) herunterladen' }))
    await waitFor(() => expect(downloads.clicks).toHaveLength(1))

    // First the SVG (as the image's source), then the PNG.
    const [svg, png] = downloads.blobs as [Blob, Blob]
    expect(svg.type).toBe('image/svg+xml')
    const source = await textOf(svg)
    expect(source).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1600" height="900"/)
    expect(source).toContain('>Technik</text>')
    expect(source).toContain('>Sprint 42 – Rückblick</text>')
    expect(drawn).toEqual([{ width: 1600, height: 900 }])
    expect(context.drawImage).toHaveBeenCalledWith(expect.any(FakeImage), 0, 0, 1600, 900)
    expect(png.type).toBe('image/png')
    expect(downloads.clicks[0]?.download).toBe('ballonfahrt-sprint-42-rueckblick-2025-01-29.png')
    await waitFor(() => expect(downloads.revoked).toEqual(expect.arrayContaining(downloads.created)), { timeout: REVOKE_AFTER_MS + 1000 })
  })

  it('says so when a file cannot be made', async () => {
    board('moderator')
    const user = userEvent.setup()
    captureDownloads()
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
    class LoadingImage {
      onload: (() => void) | null = null
      set src(_url: string) {
        queueMicrotask(() => this.onload?.())
      }
    }
    vi.stubGlobal('Image', LoadingImage)
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Bild (PNG) herunterladen' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Die Datei konnte nicht erstellt werden. Bitte versuche es noch einmal.')
  })
})

describe('"Als Text kopieren"', () => {
  const items: Record<string, Blob>[] = []
  class FakeClipboardItem {
    constructor(readonly data: Record<string, Blob>) {
      items.push(data)
    }
  }
  beforeEach(() => {
    items.length = 0
  })

  function stubClipboard(clipboard: Partial<Clipboard>) {
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true })
  }

  it('writes HTML and plain text, and says so politely', async () => {
    const { doc } = board('moderator')
    const user = userEvent.setup()
    const write = vi.fn(async () => {})
    const writeText = vi.fn(async () => {})
    stubClipboard({ write, writeText })
    vi.stubGlobal('ClipboardItem', FakeClipboardItem)
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Text kopieren' }))

    expect(write).toHaveBeenCalledTimes(1)
    expect(writeText).not.toHaveBeenCalled()
    const view = toBoardView(doc)
    const item = items[0] as Record<string, Blob>
    expect(Object.keys(item).sort()).toEqual(['text/html', 'text/plain'])
    expect(await textOf(item['text/plain'] as Blob)).toBe(toPlainText(view, 'de'))
    expect(await textOf(item['text/html'] as Blob)).toBe(toHtml(view, 'de'))
    const status = await screen.findByText('In die Zwischenablage kopiert')
    expect(status.getAttribute('role')).toBe('status')
    expect(status.getAttribute('aria-live')).toBe('polite')
  })

  it('falls back to writeText with the plain text where HTML cannot be written', async () => {
    const { doc } = board('moderator')
    const user = userEvent.setup()
    const writeText = vi.fn(async (_text: string) => {})
    stubClipboard({ write: vi.fn(async () => Promise.reject(new Error('no html'))), writeText })
    vi.stubGlobal('ClipboardItem', FakeClipboardItem)
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Text kopieren' }))
    expect(writeText).toHaveBeenCalledWith(toPlainText(toBoardView(doc), 'de'))
    expect(await screen.findByText('In die Zwischenablage kopiert')).toBeTruthy()
  })

  it('uses writeText when there is no ClipboardItem', async () => {
    const { doc } = board('moderator')
    const user = userEvent.setup()
    const writeText = vi.fn(async (_text: string) => {})
    stubClipboard({ writeText })
    vi.stubGlobal('ClipboardItem', undefined)
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Text kopieren' }))
    expect(writeText).toHaveBeenCalledWith(toPlainText(toBoardView(doc), 'de'))
  })

  it('shows an error when the browser denies the clipboard', async () => {
    board('moderator')
    const user = userEvent.setup()
    const denied = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
    stubClipboard({ write: vi.fn(denied), writeText: vi.fn(denied) })
    vi.stubGlobal('ClipboardItem', FakeClipboardItem)
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Text kopieren' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Kopieren war nicht möglich: Der Browser hat den Zugriff auf die Zwischenablage verweigert.',
    )
    expect(screen.queryByText('In die Zwischenablage kopiert')).toBeNull()
  })
})
