import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ReportPage } from '../../client/report/ReportPage'
import { setLocale } from '../../client/store/locale'
import { toCsv } from '../../model/export/csv'
import { toMarkdown } from '../../model/export/markdown'
import { addNote } from '../../model/notes'
import { setBoardLocale, setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { captureDownloads, textOf } from '../helpers/downloads'
import { REPORT_BOARD, reportBoard } from '../helpers/reportBoard'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const EXPORT_BUTTONS = [
  'Markdown herunterladen',
  'CSV herunterladen',
  'CSV für Excel (Semikolon)',
  'JSON herunterladen',
  'Word (DOCX) herunterladen',
  'Als Bild (PNG) herunterladen',
  'Als Text kopieren',
]

describe('the report (Ergebnis)', () => {
  it('shows title, date, topic, participants, the picture, the three zones in order and the actions', () => {
    reportBoard('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sprint 42 – Rückblick')
    expect(screen.queryByText(/Das Ergebnisprotokoll und seine Dateien/)).toBeNull()
    expect(screen.getByRole('article').getAttribute('lang')).toBe('de')
    const header = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement
    expect(within(header).getByText('29.01.2025')).toBeTruthy()
    expect(within(header).getByText('Zusammenarbeit im Team')).toBeTruthy()
    // The header's facts as a description list: "Teilnehmende: 3".
    expect(within(header).getByText('Teilnehmende').nextElementSibling?.textContent).toBe('3')

    expect(within(screen.getByRole('article')).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Steigen – Förderliche Faktoren',
      'Unten halten – Hemmende Faktoren',
      'Einheizen – Impulse / nächste Schritte',
      'Maßnahmen',
      'Fazit',
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
    const picture = screen.getByRole('img', { name: 'Der Heißluftballon mit den Clustern in ihren Bereichen' })
    const texts = [...picture.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['Steigen', 'Technik', 'Team', 'Unten halten', 'Zu viele Meetings', 'Einheizen']))
    expect(texts.indexOf('Technik')).toBeLessThan(texts.indexOf('Team'))
  })

  it('re-sorts when the votes change and follows new notes live', () => {
    const { doc, ids } = reportBoard('moderator')
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
    const { doc } = reportBoard('moderator')
    act(() => setBoardLocale(doc, 'en'))
    const downloads = captureDownloads()
    const user = userEvent.setup()
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en')
    expect(within(screen.getByRole('article')).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Lift – Supporting factors',
      'Holding down – Hindering factors',
      'Add heat – Impulses / next steps',
      'Actions',
      'Conclusion',
    ])
    const header = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement
    expect(within(header).getByText('Participants').nextElementSibling?.textContent).toBe('3')
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
    const { doc } = reportBoard('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const group = screen.getByRole('group', { name: 'Sprache des Ergebnisprotokolls' })
    await user.click(within(group).getByRole('radio', { name: 'English' }))
    expect(toBoardView(doc).locale).toBe('en')
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en')
    expect(within(screen.getByRole('article')).getAllByRole('heading', { level: 2 })[0]?.textContent).toBe('Lift – Supporting factors')
  })

  it('shows participants no language choice, but why the report is in another language than theirs', async () => {
    const { doc } = reportBoard('participant', { participantsExport: true })
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
    const { doc } = reportBoard('moderator')
    setLocale('en')
    const downloads = captureDownloads()
    const user = userEvent.setup()
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('article').getAttribute('lang')).toBe('de')
    expect(within(screen.getByRole('article')).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)[0]).toBe('Steigen – Förderliche Faktoren')
    expect(within(screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement).getByText('Teilnehmende').nextElementSibling?.textContent).toBe('3')
    expect(screen.getByRole('link', { name: 'Back to the board' })).toBeTruthy()
    expect((within(screen.getByRole('group', { name: 'Language of the report' })).getByRole('radio', { name: 'Deutsch' }) as HTMLInputElement).checked).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Download CSV' }))
    expect(await textOf(downloads.blobs[0]!)).toBe(toCsv(toBoardView(doc), { separator: ',', locale: 'de' }))
    await act(async () => setLocale('de'))
  })

  it('offers the exports to moderators, and to participants only when allowed', () => {
    const { doc } = reportBoard('participant')
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.getByRole('button', { name: 'Drucken / als PDF speichern' })).toBeTruthy()
    for (const name of EXPORT_BUTTONS) expect(screen.queryByRole('button', { name })).toBeNull()
    expect(screen.getByText('Exportieren kann bei diesem Board nur die Moderation.')).toBeTruthy()

    act(() => setSetting(doc, 'participantsExport', true))
    for (const name of EXPORT_BUTTONS) expect(screen.getByRole('button', { name })).toBeTruthy()
    expect(screen.queryByText('Exportieren kann bei diesem Board nur die Moderation.')).toBeNull()
  })

  it('shows every export to the moderator', () => {
    reportBoard('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const tools = screen.getByRole('region', { name: 'Ergebnis drucken und exportieren' })
    expect(within(tools).getAllByRole('button').map((b) => b.textContent)).toEqual(['Drucken / als PDF speichern', ...EXPORT_BUTTONS])
  })

  it('prints with window.print', async () => {
    reportBoard('participant')
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const user = userEvent.setup()
    render(<ReportPage boardId={REPORT_BOARD} />)
    await user.click(screen.getByRole('button', { name: 'Drucken / als PDF speichern' }))
    expect(print).toHaveBeenCalledTimes(1)
  })
})
