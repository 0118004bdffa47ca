import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REVOKE_AFTER_MS } from '../../client/report/files'
import { ReportPage } from '../../client/report/ReportPage'
import { toCsv } from '../../model/export/csv'
import { toJson } from '../../model/export/json'
import { toMarkdown } from '../../model/export/markdown'
import { toHtml, toPlainText } from '../../model/export/text'
import { toBoardView } from '../../model/view'
import { bytesOf, captureDownloads, textOf } from '../helpers/downloads'
import { REPORT_BOARD, reportBoard } from '../helpers/reportBoard'

// What the report's tools hand to the browser: files to download, text for the clipboard.

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('downloads', () => {
  it('"Markdown herunterladen" saves toMarkdown of the board under an ASCII name, then revokes the URL', async () => {
    const { doc } = reportBoard('moderator')
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
    // Said in the tools' live region (the page has another one, the details form's).
    expect(screen.getByText('ballonfahrt-sprint-42-rueckblick-2025-01-29.md heruntergeladen').getAttribute('role')).toBe('status')
    await waitFor(() => expect(downloads.revoked).toEqual(downloads.created), { timeout: REVOKE_AFTER_MS + 1000 })
  })

  it('CSV with commas, CSV for Excel with semicolons and a byte order mark, and JSON as the board file', async () => {
    const { doc } = reportBoard('moderator')
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
      'ballonfahrt-sprint-42-rueckblick-notizen-2025-01-29.csv',
      'ballonfahrt-sprint-42-rueckblick-notizen-excel-2025-01-29.csv',
      'ballonfahrt-sprint-42-rueckblick-2025-01-29.json',
    ])
  })

  it('"Word (DOCX) herunterladen" loads the Word exporter on demand and saves a .docx', async () => {
    reportBoard('moderator')
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
    reportBoard('moderator')
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
    reportBoard('moderator')
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
    expect((await screen.findByRole('alert')).textContent).toBe('Die Datei konnte nicht erstellt werden. Bitte versuchen Sie es noch einmal.')
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
    const { doc } = reportBoard('moderator')
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
    const { doc } = reportBoard('moderator')
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
    const { doc } = reportBoard('moderator')
    const user = userEvent.setup()
    const writeText = vi.fn(async (_text: string) => {})
    stubClipboard({ writeText })
    vi.stubGlobal('ClipboardItem', undefined)
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Als Text kopieren' }))
    expect(writeText).toHaveBeenCalledWith(toPlainText(toBoardView(doc), 'de'))
  })

  it('shows an error when the browser denies the clipboard', async () => {
    reportBoard('moderator')
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
