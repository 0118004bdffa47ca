import type { Page } from 'playwright-core'
import { connectClient } from './clients'
import type { TestClient } from './clients'
import type { CreatedBoard } from './server'

/**
 * A meeting at the size of issue 13: 125 notes of realistic length (from a few words to two
 * lines), spread over the three zones, and a crowd of people present through raw clients.
 */
const PHRASES = [
  'Gelungene Vernetzungs- und Strukturarbeit',
  'Abbau von Doppelstrukturen durch die Präventionsketten',
  'Politische Unterstützung der Präventionskettenarbeit',
  'Zu wenig Zeit für Netzwerkarbeit neben dem Tagesgeschäft',
  'Personalwechsel bei freien Trägern',
  'Eltern früher beteiligen',
  'Offene Sprechstunde im Familienzentrum, gut angenommen',
  'Mehr Öffentlichkeitsarbeit',
  'Aus den bisherigen Ergebnissen konkrete Maßnahmen ableiten und in den Gremien vorstellen',
  'Fehlende Verstetigung der Finanzierung über das Projektende hinaus',
  'Datenschutzfragen bremsen den Austausch zwischen Jugendamt und Schulen',
  'Kurze Wege',
]

export const ZONE_TITLES = { steigen: /Steigen/, untenHalten: /Unten halten/, einheizen: /Einheizen/ } as const

/**
 * An import file (the minimal form) with `count` loose notes, one zone after the other, each a
 * phrase drawn with a fixed seed (so every run measures the same board).
 */
export function bigBoardFile(count: number): object {
  const zones: Record<string, string[]> = { steigen: [], untenHalten: [], einheizen: [] }
  const ids = Object.keys(zones)
  let seed = 13
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
  for (let i = 0; i < count; i++) zones[ids[i % 3]!]!.push(`${PHRASES[(next() >> 16) % PHRASES.length]} (${i + 1})`)
  return {
    title: 'Austauschtreffen Präventionsketten',
    topic: 'Reflexion',
    date: '2026-03-31',
    zones: Object.fromEntries(Object.entries(zones).map(([zone, notes]) => [zone, [{ cluster: null, votes: 0, notes }]])),
    actions: [],
  }
}

export async function importBoardFile(http: string, file: object): Promise<CreatedBoard> {
  const res = await fetch(`${http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(file),
  })
  if (res.status !== 201) throw new Error(`import board: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedBoard
}

const NAMES = ['Anna Berg', 'Ben Kraus', 'Carla Demir', 'David Engel', 'Eva Fuchs', 'Frank Graf', 'Gül Hahn', 'Hannah Ilić', 'Ines Jung', 'Jan Koch']

/** `count` people present on the board (raw y-websocket clients, each with a name). */
export async function crowd(ws: string, boardId: string, count: number): Promise<TestClient[]> {
  const clients: TestClient[] = []
  for (let i = 0; i < count; i++) {
    const client = connectClient(ws, boardId)
    client.provider.awareness.setLocalStateField('user', { name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}` })
    clients.push(client)
  }
  await Promise.all(clients.map((c) => c.synced()))
  return clients
}

/** Moves a moderator's page to `phase` with its phase button. */
export async function toPhase(page: Page, phase: string): Promise<void> {
  await page.getByRole('button', { name: phase, exact: true }).click()
  await page.locator('[aria-current="step"]').filter({ hasText: phase }).waitFor()
}

/**
 * How many screens of this page one scrolls through to have seen every note: the bottom of the
 * lowest note, in page coordinates, over the viewport's height. Notes are laid out for real
 * first (content-visibility would otherwise count off-screen notes at their placeholder size).
 */
export async function screensForNotes(page: Page): Promise<{ notes: number; screens: number }> {
  return page.evaluate(() => {
    const notes = [...document.querySelectorAll<HTMLElement>('main li.note')]
    for (const note of notes) note.style.contentVisibility = 'visible'
    const bottom = Math.max(...notes.map((li) => li.getBoundingClientRect().bottom + window.scrollY))
    return { notes: notes.length, screens: Math.round((bottom / window.innerHeight) * 100) / 100 }
  })
}
