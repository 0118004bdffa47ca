import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AccessibilityDe } from '../../client/accessibility/AccessibilityDe'
import { AccessibilityEn } from '../../client/accessibility/AccessibilityEn'
import { AccessibilityPage } from '../../client/accessibility/AccessibilityPage'
import { PLAIN_SUMMARY } from '../../client/accessibility/plainSummary'
import { App } from '../../client/App'
import { EMPTY_OPERATOR } from '../../client/privacy/operator'
import type { Operator } from '../../client/privacy/operator'
import { SiteFooter } from '../../client/privacy/SiteFooter'
import { setLocale } from '../../client/store/locale'

const FILLED: Operator = {
  ...EMPTY_OPERATOR,
  name: 'Landkreis Beispiel',
  accessibilityContact: {
    name: 'Fachstelle Prävention',
    email: 'barrierefrei@landkreis-beispiel.de',
    phone: '+49 1234 56789-0',
    address: ['Musterstraße 1', '12345 Beispielstadt'],
  },
  enforcementBody: {
    name: 'Schlichtungsstelle beim Landesbeauftragten für Menschen mit Behinderungen',
    address: ['Landesstraße 2', '54321 Landeshauptstadt'],
    email: 'schlichtung@land.example',
    web: 'https://schlichtung.land.example',
  },
  accessibilityReviewed: '2026-12-01',
}

/** The server's GET /api/config, answering these operator details. */
function serveConfig(operator: Operator = EMPTY_OPERATOR): void {
  vi.stubGlobal('fetch', async (url: string) => (url === '/api/config' ? Response.json({ operator }) : new Response(null, { status: 404 })))
}
afterEach(() => vi.unstubAllGlobals())

/** Text as read: without the soft hyphens that let long German words break at 320 px. */
const read = (text: string | null) => (text ?? '').replace(/\u00ad/g, '')
const named = (name: string) => (accessibleName: string) => read(accessibleName) === name

function sections(): string[] {
  return screen.getAllByRole('heading', { level: 2 }).map((h) => read(h.textContent))
}

describe('Erklärung zur Barrierefreiheit', () => {
  it('says what the model statement asks for, in German, with visible placeholders for what the operator must fill in', async () => {
    serveConfig()
    render(<AccessibilityPage />)
    const h1 = await screen.findByRole('heading', { level: 1, name: named('Erklärung zur Barrierefreiheit') })
    expect(document.activeElement).toBe(h1)
    expect(screen.getByRole('main')).toBeTruthy()
    expect(sections()).toEqual([
      'Stand der Vereinbarkeit mit den Anforderungen',
      'Nicht barrierefreie Inhalte',
      'Erstellung dieser Erklärung',
      'Barrieren melden: Feedback und Kontakt',
      'Schlichtungsverfahren',
      'Die Erklärung in Leichter Sprache',
    ])
    const main = screen.getByRole('main')
    const text = read(main.textContent)
    for (const fact of ['Behindertengleichstellungsgesetz', 'WCAG', '2.1', 'AA', 'BITV 2.0', 'EN 301 549', 'axe-core', 'Tastatur', 'NVDA', 'VoiceOver', 'Touch-Geräten', '„Verschieben …“'])
      expect(text).toContain(fact)
    expect(screen.getByText('Diese Web-Anwendung ist mit den Anforderungen teilweise vereinbar.')).toBeTruthy()
    const date = main.querySelector('time')
    expect(date?.getAttribute('dateTime')).toBe('2026-11-23')
    expect(date?.textContent).toBe('23.11.2026')

    // Nothing configured: placeholders, visible, not silently missing.
    expect(screen.getByText('[Kontakt für Rückmeldungen zur Barrierefreiheit – vom Betreiber einzutragen]')).toBeTruthy()
    expect(screen.getByText('[Name des Betreibers – vom Betreiber einzutragen]')).toBeTruthy()
    expect(screen.getByText('[Datum der letzten Überprüfung durch den Betreiber – vom Betreiber einzutragen]')).toBeTruthy()

    // The federal Schlichtungsstelle by default, with the hint that Länder have their own.
    expect(main.textContent).toContain('Mauerstraße 53')
    expect(screen.getByRole('link', { name: 'www.schlichtungsstelle-bgg.de' }).getAttribute('href')).toBe('https://www.schlichtungsstelle-bgg.de')
    expect(main.textContent).toContain('§ 16 BGG')
    expect(main.textContent).toContain('Landesrecht bestimmt')
    expect(screen.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/')
  })

  it('shows the operator’s contact, review date and a Land’s own enforcement body instead of the federal one', () => {
    render(<AccessibilityDe heading={createRef()} operator={FILLED} site="https://retro.landkreis-beispiel.de" />)
    expect(screen.queryByText(/vom Betreiber einzutragen/)).toBeNull()
    expect(screen.getByText(/Landkreis Beispiel ist bemüht/)).toBeTruthy()
    expect(screen.getByText('https://retro.landkreis-beispiel.de')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'barrierefrei@landkreis-beispiel.de' }).getAttribute('href')).toBe('mailto:barrierefrei@landkreis-beispiel.de')
    expect(screen.getByRole('link', { name: '+49 1234 56789-0' }).getAttribute('href')).toBe('tel:+491234567890')
    const contact = screen.getByText('Fachstelle Prävention').closest('address') as HTMLElement
    expect(contact.textContent).toContain('12345 Beispielstadt')
    expect(screen.getByText('01.12.2026').getAttribute('dateTime')).toBe('2026-12-01')

    const enforcement = screen.getByText(/Schlichtungsstelle beim Landesbeauftragten/).closest('address') as HTMLElement
    expect(within(enforcement).getByRole('link', { name: 'schlichtung.land.example' })).toBeTruthy()
    expect(document.body.textContent).not.toContain('Mauerstraße 53')
    expect(document.body.textContent).not.toContain('öffentlichen Stellen des Bundes')
  })

  it('is in English when the interface is English, with the same sections', async () => {
    setLocale('en')
    serveConfig()
    render(<AccessibilityPage />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeTruthy()
    expect(sections()).toEqual([
      'Compliance status',
      'Non-accessible content',
      'Preparation of this statement',
      'Reporting barriers: feedback and contact',
      'Enforcement procedure',
      'The statement in Easy Read',
    ])
    expect(screen.getByText('This web application is partially compliant.')).toBeTruthy()
    expect(screen.getByRole('main').querySelector('time')?.textContent).toBe('23 November 2026')
    expect(screen.getByText('[Contact for feedback on accessibility – to be filled in by the operator]')).toBeTruthy()
    await act(async () => setLocale('de'))
  })

  it('the English text names the same operator details as the German one', () => {
    render(<AccessibilityEn heading={createRef()} operator={FILLED} site="https://retro.landkreis-beispiel.de" />)
    expect(screen.queryByText(/to be filled in/)).toBeNull()
    expect(screen.getByRole('link', { name: 'barrierefrei@landkreis-beispiel.de' })).toBeTruthy()
    expect(screen.getByText('1 December 2026')).toBeTruthy()
  })
})

describe('the operator’s details come from the server at run time', () => {
  it('says so while they load, then shows them', async () => {
    serveConfig(FILLED)
    render(<AccessibilityPage />)
    expect(screen.getByRole('status').textContent).toBe('Die Angaben des Betreibers werden geladen …')
    expect(await screen.findByRole('link', { name: 'barrierefrei@landkreis-beispiel.de' })).toBeTruthy()
    expect(screen.queryByText(/vom Betreiber einzutragen/)).toBeNull()
  })

  it('says when they could not be loaded (an alert), instead of showing placeholders', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 502 }))
    render(<AccessibilityPage />)
    expect((await screen.findByRole('alert')).textContent).toBe('Die Angaben des Betreibers konnten nicht geladen werden. Bitte laden Sie die Seite neu.')
    expect(screen.queryByText(/vom Betreiber einzutragen/)).toBeNull()
  })

  it('does not show an answer of the wrong shape', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ operator: { ...FILLED, retentionDays: 'dreißig' } }))
    render(<AccessibilityPage />)
    expect(await screen.findByRole('alert')).toBeTruthy()
  })
})

describe('the footer and the routes', () => {
  it('links the statement next to Datenschutz', async () => {
    const user = userEvent.setup()
    render(<SiteFooter />)
    const footer = screen.getByRole('contentinfo', { name: 'Fußzeile' })
    const links = within(footer).getAllByRole('link')
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Datenschutz', '/datenschutz'],
      ['Barrierefreiheit', '/barrierefreiheit'],
    ])
    await user.click(links[1]!)
    expect(window.location.pathname).toBe('/barrierefreiheit')
  })

  for (const path of ['/barrierefreiheit', '/accessibility']) {
    it(`opens the statement at ${path}`, async () => {
      window.history.replaceState(null, '', path)
      serveConfig()
      render(<App />)
      expect(await screen.findByRole('heading', { level: 1, name: named('Erklärung zur Barrierefreiheit') })).toBeTruthy()
    })
  }
})

describe('the statement in Leichte Sprache / Easy Read', () => {
  it('is a section of its own, one sentence per line', async () => {
    serveConfig()
    render(<AccessibilityPage />)
    const section = await screen.findByRole('region', { name: 'Die Erklärung in Leichter Sprache' })
    expect(within(section).getByText('Ballonfahrt ist noch nicht für alle Menschen gut.')).toBeTruthy()
    expect(within(section).getByText('Das kostet nichts.')).toBeTruthy()
  })

  it('follows the checkable rules: short single sentences, no abbreviations, the same length in both languages', () => {
    expect(PLAIN_SUMMARY.en.lines).toHaveLength(PLAIN_SUMMARY.de.lines.length)
    for (const { lines } of [PLAIN_SUMMARY.de, PLAIN_SUMMARY.en]) {
      for (const line of lines) {
        expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(10)
        expect(line, line).toMatch(/^[^.!?]+[.!?]$|^[^.!?]+: [^.!?]+[.!?]$/)
        expect(line, line).not.toMatch(/;|\b(z\. ?B|bzw|usw|etc|ggf|e\.g|i\.e)\b|\b[A-ZÄÖÜ]{2,}\b/)
      }
    }
  })
})
