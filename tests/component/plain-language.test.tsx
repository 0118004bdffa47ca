import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { de } from '../../client/i18n/de'
import { en } from '../../client/i18n/en'
import { ZoneQuestion } from '../../client/moderation/ZoneQuestion'
import { setLocale } from '../../client/store/locale'
import { setPlainLanguage } from '../../client/store/plainLanguage'
import { setQuestion } from '../../model/board'
import { PHASES, setPhase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import { ZONES, ZONE_IDS } from '../../model/zones'
import { openBoardPage } from '../helpers/moderatedBoard'

const STANDARD_HINT = 'Schreiben Sie Ihre Gedanken in die drei Bereiche – die anderen sehen sie erst beim Aufdecken.'

afterEach(() => {
  // The store outlives a test (component-setup clears localStorage only).
  act(() => setPlainLanguage(false))
})

describe('Leichte Sprache', () => {
  it('switches the instruction to plain language for this person, remembered in this browser', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('participant')
    const toggle = screen.getByRole('checkbox', { name: 'Leichte Sprache' }) as HTMLInputElement
    expect(toggle.checked).toBe(false)
    expect(screen.getByText(STANDARD_HINT)).toBeTruthy()

    await user.click(toggle)
    expect(toggle.checked).toBe(true)
    expect(localStorage.getItem('ballonfahrt:plain')).toBe('1')
    expect(screen.queryByText(STANDARD_HINT)).toBeNull()
    // One sentence per line.
    for (const line of ['Jetzt schreiben Sie Notizen.', 'Schreiben Sie Ihre Gedanken zu den 3 Fragen.', 'Nur Sie sehen Ihre Notizen.'])
      expect(screen.getByText(line)).toBeTruthy()

    // It follows the phase.
    act(() => setPhase(doc, 'abstimmen'))
    expect(screen.getByText('Jetzt stimmen Sie ab.')).toBeTruthy()
    act(() => {
      setPhase(doc, 'sammeln')
      setSetting(doc, 'privateWriting', false)
    })
    expect(screen.getByText('Alle sehen die Notizen sofort.')).toBeTruthy()

    await user.click(toggle)
    expect(toggle.checked).toBe(false)
    expect(localStorage.getItem('ballonfahrt:plain')).toBeNull()
    expect(screen.getByText('Schreiben Sie Ihre Gedanken in die drei Bereiche – alle sehen sie sofort.')).toBeTruthy()
  })

  it('is "Easy Read" in English', async () => {
    const user = userEvent.setup()
    setLocale('en')
    openBoardPage('moderator')
    await user.click(screen.getByRole('checkbox', { name: 'Easy Read' }))
    expect(screen.getByText('Only you can see your notes.')).toBeTruthy()
    await act(async () => setLocale('de'))
  })

  it('reads the choice back from localStorage when the page loads', async () => {
    localStorage.setItem('ballonfahrt:plain', '1')
    vi.resetModules()
    const fresh = await import('../../client/store/plainLanguage')
    expect(fresh.usePlainLanguage.getState().plain).toBe(true)
    localStorage.removeItem('ballonfahrt:plain')
    vi.resetModules()
    expect((await import('../../client/store/plainLanguage')).usePlainLanguage.getState().plain).toBe(false)
  })
})

describe('the questions in plain language', () => {
  it('replace the default question, and explain a question the moderator wrote without replacing it', () => {
    const { rerender } = render(
      <div data-testid="zone">
        <ZoneQuestion zone="steigen" question={null} />
      </div>,
    )
    const zone = () => screen.getByTestId('zone')
    expect(zone().textContent).toBe('Was lässt uns steigen?')

    act(() => setPlainLanguage(true))
    expect(within(zone()).getByText('Was hilft uns bei der Arbeit?')).toBeTruthy()
    expect(within(zone()).getByText('Was läuft gut?')).toBeTruthy()
    expect(within(zone()).queryByText('Was lässt uns steigen?')).toBeNull()

    rerender(
      <div data-testid="zone">
        <ZoneQuestion zone="steigen" question="Was hat uns im Projekt Auftrieb gegeben?" />
      </div>,
    )
    expect(within(zone()).getByText('Was hat uns im Projekt Auftrieb gegeben?')).toBeTruthy()
    expect(within(zone()).getByText('Die Standard-Frage in Leichter Sprache:')).toBeTruthy()
    expect(within(zone()).getByText('Was hilft uns bei der Arbeit?')).toBeTruthy()
  })

  it('show on the board: each zone asks its plain question, and stays a region named by its title with a Notiz box', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('participant')
    act(() => setQuestion(doc, 'untenHalten', 'Was hat uns im Projekt gebremst?'))
    await user.click(screen.getByRole('checkbox', { name: 'Leichte Sprache' }))
    const zone = (name: RegExp) => screen.getByRole('region', { name })
    expect(within(zone(/Steigen/)).getByText('Was hilft uns bei der Arbeit?')).toBeTruthy()
    expect(within(zone(/Steigen/)).queryByText('Was lässt uns steigen?')).toBeNull()
    expect(within(zone(/Einheizen/)).queryByText('Wo müssen wir mehr einheizen?')).toBeNull()
    // The moderator's own question stays, explained by the plain default.
    expect(within(zone(/Unten halten/)).getByText('Was hat uns im Projekt gebremst?')).toBeTruthy()
    expect(within(zone(/Unten halten/)).getByText('Was stört uns bei der Arbeit?')).toBeTruthy()
    for (const name of [/Steigen/, /Unten halten/, /Einheizen/]) expect(within(zone(name)).getByRole('textbox', { name: /Notiz/ })).toBeTruthy()
  })
})

/** The checkable part of the Netzwerk Leichte Sprache rules (and Easy Read's). */
describe('the plain texts follow the rules', () => {
  const plain = (dictionary: Readonly<Record<string, string>>) =>
    Object.entries(dictionary).filter(([key]) => key.startsWith('plain.phase.') || key.startsWith('plain.question.'))
  const texts = [...plain(de), ...plain(en), ...ZONE_IDS.flatMap((id) => [['de', ZONES[id].plainQuestion.de], ['en', ZONES[id].plainQuestion.en]])]

  it('covers every phase and every zone in both languages', () => {
    // Every phase (Sammeln twice: with private writing or without), every zone's question.
    const phases = [...PHASES, 'sammelnPrivate'].map((phase) => `plain.phase.${phase}`)
    const keys = [...phases, ...ZONE_IDS.map((zone) => `plain.question.${zone}`)].sort()
    expect(plain(de).map(([key]) => key).sort()).toEqual(keys)
    expect(plain(en).map(([key]) => key).sort()).toEqual(keys)
  })

  it('one short sentence per line, no abbreviations, no semicolons', () => {
    for (const [key, text] of texts) {
      for (const line of text!.split('\n')) {
        const words = line.split(/\s+/).filter(Boolean)
        expect(words.length, `${key}: ${line}`).toBeLessThanOrEqual(10)
        // One sentence: ends with its mark, and no second one inside.
        expect(line, key).toMatch(/^[^.!?]+[.!?]$|^[^.!?]+: [^.!?]+[.!?]$/)
        expect(line, key).not.toMatch(/;|\b(z\. ?B|bzw|usw|etc|ggf|e\.g|i\.e)\b|\b[A-ZÄÖÜ]{2,}\b/)
      }
    }
  })
})
