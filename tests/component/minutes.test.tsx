import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../client/App'
import { ReportPage } from '../../client/report/ReportPage'
import { loadCredentials } from '../../client/sync/credentials'
import { editBerichtPart, startBericht } from '../../model/bericht'
import { buildReport, draftParts } from '../../model/export/report'
import { addNote, setQuote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { openBoardPage } from '../helpers/moderatedBoard'
import { REPORT_BOARD, reportBoard } from '../helpers/reportBoard'

// Issue 16's forms: the three report settings, the meeting details, "Als Zitat markieren" and the
// join dialog's "Kommune / Institution".

const sync = vi.hoisted(() => ({ enterBoard: vi.fn(), leaveBoard: vi.fn() }))
vi.mock('../../client/sync/activeBoard', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/sync/activeBoard')>()),
  enterBoard: sync.enterBoard,
  leaveBoard: sync.leaveBoard,
}))

afterEach(() => {
  sync.enterBoard.mockClear()
  vi.unstubAllGlobals()
})

describe('the report settings', () => {
  it('four checkboxes write askInstitution, quoteInstitution, namesInExports and participantsWriteBericht and follow remote changes', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('moderator')
    await user.click(screen.getByRole('button', { name: 'Einstellungen' }))
    // The panel's contents are a lazy chunk; on a busy machine (load 20 on two cores) they took more than findBy's 1 s.
    await screen.findByRole('heading', { name: 'Einstellungen des Boards', level: 2 }, { timeout: 10_000 })
    const group = screen.getByRole('group', { name: 'Bericht und Datenschutz' })
    const flags = {
      'Beim Beitreten nach „Kommune / Institution“ fragen (freiwillig)': 'askInstitution',
      'Zitate mit der Institution kennzeichnen': 'quoteInstitution',
      'Namen in Exporten zeigen (nur bei nicht anonymen Notizen)': 'namesInExports',
      'Teilnehmende dürfen den Bericht mitschreiben': 'participantsWriteBericht',
    } as const
    for (const [label, name] of Object.entries(flags)) {
      const box = within(group).getByRole('checkbox', { name: label }) as HTMLInputElement
      expect(box.checked).toBe(false)
      await user.click(box)
      expect(toBoardView(doc).settings[name]).toBe(true)
      expect(box.checked).toBe(true)
    }
    act(() => setSetting(doc, 'askInstitution', false))
    expect((within(group).getByRole('checkbox', { name: /Kommune/ }) as HTMLInputElement).checked).toBe(false)
    act(() => setSetting(doc, 'participantsWriteBericht', false))
    expect((within(group).getByRole('checkbox', { name: /mitschreiben/ }) as HTMLInputElement).checked).toBe(false)
  })
})

describe('the meeting details on the Ergebnis page', () => {
  it('the moderator sets date, time, format, place and organiser; the report header shows them', async () => {
    const user = userEvent.setup()
    const { doc } = reportBoard('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const form = screen.getByRole('form', { name: 'Angaben zur Veranstaltung' })
    expect((within(form).getByLabelText('Datum') as HTMLInputElement).value).toBe('2025-01-29')

    const date = within(form).getByLabelText('Datum')
    await user.clear(date)
    await user.type(date, '2025-02-03')
    await user.type(within(form).getByLabelText('Beginn'), '10:00')
    await user.type(within(form).getByLabelText('Ende'), '12:30')
    await user.selectOptions(within(form).getByLabelText('Format'), 'Digital')
    await user.type(within(form).getByLabelText('Ort'), '  Videokonferenz ')
    await user.type(within(form).getByLabelText('Veranstaltet von'), 'Landeskoordination')
    await user.click(within(form).getByRole('button', { name: 'Angaben übernehmen' }))

    expect(within(form).getByRole('status').textContent).toBe('Angaben übernommen')
    const view = toBoardView(doc)
    expect(view.date).toBe('2025-02-03')
    expect(view.meeting).toEqual({ start: '10:00', end: '12:30', format: 'digital', place: 'Videokonferenz', organiser: 'Landeskoordination' })

    const header = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement
    const fact = (label: string) => within(header).getByText(label).nextElementSibling?.textContent
    expect(fact('Datum')).toBe('03.02.2025')
    expect(fact('Zeit')).toBe('10:00–12:30 Uhr')
    expect(fact('Format')).toBe('digital')
    expect(fact('Ort')).toBe('Videokonferenz')
    expect(fact('Veranstaltet von')).toBe('Landeskoordination')
    // The introduction's draft names them too.
    expect(within(screen.getByRole('article')).getByText(/fand am 03\.02\.2025 von 10:00 bis 12:30 Uhr als digitales Treffen statt/)).toBeTruthy()
  })

  it('an impossible date (the browser gives an empty value) keeps the meeting date', async () => {
    const user = userEvent.setup()
    const { doc } = reportBoard('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const form = screen.getByRole('form', { name: 'Angaben zur Veranstaltung' })
    const date = within(form).getByLabelText('Datum')
    await user.clear(date)
    await user.type(date, '2025-02-31')
    await user.type(within(form).getByLabelText('Ort'), 'Rathaus')
    await user.click(within(form).getByRole('button', { name: 'Angaben übernehmen' }))
    expect(toBoardView(doc).date).toBe('2025-01-29')
    expect(toBoardView(doc).meeting.place).toBe('Rathaus')
    expect((within(form).getByLabelText('Datum') as HTMLInputElement).value).toBe('2025-01-29')
  })

  it('participants see the details in the header but no form', () => {
    reportBoard('participant')
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.queryByRole('form', { name: 'Angaben zur Veranstaltung' })).toBeNull()
  })
})

describe('"Als Zitat markieren"', () => {
  function openNoteMenu(role: 'moderator' | 'participant') {
    let noteId = ''
    const board = openBoardPage(role, (doc) => {
      setPhase(doc, 'clustern')
      noteId = addNote(doc, { zone: 'steigen', text: 'Wir konnten an bestehende Netzwerke andocken', author: 'x' })
    })
    return { ...board, noteId }
  }

  it('the moderator marks a note as quote and takes the mark back; the menu item shows the state', async () => {
    const user = userEvent.setup()
    const { doc, noteId } = openNoteMenu('moderator')
    const menuButton = () => screen.getByRole('button', { name: /Aktionen zur Notiz: Wir konnten/ })
    await user.click(menuButton())
    const item = screen.getByRole('menuitemcheckbox', { name: 'Als Zitat markieren' })
    expect(item.getAttribute('aria-checked')).toBe('false')
    expect(screen.queryByText('Zitat', { selector: '.badge' })).toBeNull()
    await user.click(item)
    expect(toBoardView(doc).zones.steigen.notes.find((n) => n.id === noteId)?.quote).toBe(true)
    // The card says so, for everyone who sees the board.
    expect(screen.getByText('Zitat', { selector: '.badge' })).toBeTruthy()

    await user.click(menuButton())
    expect(screen.getByRole('menuitemcheckbox', { name: 'Als Zitat markieren' }).getAttribute('aria-checked')).toBe('true')
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Als Zitat markieren' }))
    expect(toBoardView(doc).zones.steigen.notes.find((n) => n.id === noteId)?.quote).toBe(false)
    expect(screen.queryByText('Zitat', { selector: '.badge' })).toBeNull()
  })

  it('participants are not offered the mark', async () => {
    const user = userEvent.setup()
    openNoteMenu('participant')
    const button = screen.queryByRole('button', { name: /Aktionen zur Notiz: Wir konnten/ })
    if (button) await user.click(button)
    expect(screen.queryByRole('menuitemcheckbox', { name: 'Als Zitat markieren' })).toBeNull()
  })

  it('the report quotes the marked note with the generic attribution', () => {
    const { doc, ids } = reportBoard('moderator')
    act(() => setQuote(doc, ids.hilfe, true))
    render(<ReportPage boardId={REPORT_BOARD} />)
    const steigen = screen.getByRole('region', { name: 'Steigen – Förderliche Faktoren' })
    expect(within(steigen).getByText(/„Wir helfen uns“ \(Teilnehmerin\/Teilnehmer der Veranstaltung\)/)).toBeTruthy()
  })
})

describe('"Kommune / Institution" when joining', () => {
  const BOARD = 'InStItUtIoNbOaRd012345'

  function serve(askInstitution: boolean) {
    const body = JSON.stringify({ title: 'Austauschtreffen', askInstitution })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })))
    window.history.replaceState(null, '', `/b/${BOARD}`)
  }

  it('is asked when the moderator turned it on, and remembered for the board', async () => {
    serve(true)
    const user = userEvent.setup()
    render(<App />)
    const field = await screen.findByRole('textbox', { name: 'Kommune / Institution (optional)' })
    expect(field.getAttribute('aria-describedby')).toBeTruthy()
    expect(screen.getByText('Der Bericht nennt die vertretenen Institutionen, nicht wer sie vertreten hat.')).toBeTruthy()
    await user.type(field, ' Stadt Kassel ')
    await user.click(screen.getByRole('button', { name: 'Beitreten' }))
    expect(loadCredentials(BOARD).institution).toBe('Stadt Kassel')
    expect(sync.enterBoard).toHaveBeenCalledWith(BOARD)
  })

  it('is not asked otherwise', async () => {
    serve(false)
    render(<App />)
    expect(await screen.findByText('Austauschtreffen')).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: /Institution/ })).toBeNull()
    expect(loadCredentials(BOARD).institution).toBeUndefined()
  })
})

describe('the Bericht on the Ergebnis page', () => {
  it('the moderator starts it from the draft, edits a part, and the report shows the edit; "Absatz neu erzeugen" restores the draft', async () => {
    const user = userEvent.setup()
    const { doc } = reportBoard('moderator')
    render(<ReportPage boardId={REPORT_BOARD} />)
    const section = screen.getByRole('region', { name: 'Bericht' })
    expect(within(section).queryByRole('textbox')).toBeNull()
    await user.click(within(section).getByRole('button', { name: 'Bericht bearbeiten' }))

    const fields = within(section).getAllByRole('textbox')
    expect(fields.map((f) => (f as HTMLTextAreaElement).labels[0]?.textContent)).toEqual([
      'Einleitung',
      'Steigen',
      'Unten halten',
      'Einheizen',
      'Maßnahmen',
      'Fazit',
    ])
    const steigen = within(section).getByLabelText('Steigen') as HTMLTextAreaElement
    const draft = steigen.value
    expect(draft).toMatch(/^Auf die Frage „Was lässt uns steigen\?“/)
    expect(toBoardView(doc).bericht.steigen).toBe(draft)

    await user.type(steigen, ' Ergänzt von der Moderation.')
    expect(toBoardView(doc).bericht.steigen).toBe(`${draft} Ergänzt von der Moderation.`)
    const article = screen.getByRole('article')
    expect(within(article).getByText(`${draft} Ergänzt von der Moderation.`)).toBeTruthy()

    await user.click(within(section).getByRole('button', { name: 'Absatz neu erzeugen: Steigen' }))
    expect(toBoardView(doc).bericht.steigen).toBe(draft)
    expect((within(section).getByRole('button', { name: 'Absatz neu erzeugen: Steigen' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('participants get no editor; they read the edited text in the report', () => {
    const { doc } = reportBoard('participant')
    act(() => {
      startBericht(doc, draftParts(buildReport(toBoardView(doc), 'de').draft))
      editBerichtPart(doc, 'fazit', 'Ein Fazit der Moderation.')
    })
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.queryByRole('region', { name: 'Bericht' })).toBeNull()
    expect(screen.queryByRole('textbox')).toBeNull()
    const fazit = screen.getByRole('region', { name: 'Fazit' })
    expect(within(fazit).getByText('Ein Fazit der Moderation.')).toBeTruthy()
  })

  it('participants get the editor only while the moderator lets them write along; their typing reaches the doc, the others\' edits appear live, no "Absatz neu erzeugen"', async () => {
    const user = userEvent.setup()
    const { doc } = reportBoard('participant')
    render(<ReportPage boardId={REPORT_BOARD} />)
    expect(screen.queryByRole('region', { name: 'Bericht' })).toBeNull()

    act(() => setSetting(doc, 'participantsWriteBericht', true))
    const section = screen.getByRole('region', { name: 'Bericht' })
    expect(within(section).getByText(/zum Mitschreiben freigegeben/)).toBeTruthy()
    await user.click(within(section).getByRole('button', { name: 'Bericht bearbeiten' }))
    const fazit = within(section).getByLabelText('Fazit') as HTMLTextAreaElement
    expect(within(section).queryByRole('button', { name: /Absatz neu erzeugen/ })).toBeNull()
    await user.clear(fazit)
    await user.type(fazit, 'Die Gruppe trifft sich wieder.')
    expect(toBoardView(doc).bericht.fazit).toBe('Die Gruppe trifft sich wieder.')
    expect(within(screen.getByRole('region', { name: 'Fazit' })).getByText('Die Gruppe trifft sich wieder.')).toBeTruthy()

    // Someone else writes in the same part: the field shows it at once.
    act(() => editBerichtPart(doc, 'fazit', 'Die Gruppe trifft sich im Mai wieder.'))
    expect(fazit.value).toBe('Die Gruppe trifft sich im Mai wieder.')

    act(() => setSetting(doc, 'participantsWriteBericht', false))
    expect(screen.queryByRole('region', { name: 'Bericht' })).toBeNull()
    expect(screen.queryByRole('textbox')).toBeNull()
  })
})
