import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions } from 'playwright-core'
import type { TestClient } from '../helpers/clients'
import { contextWith, joinIn, zone } from '../helpers/e2e'
import { bigBoardFile, crowd, importBoardFile, screensForNotes, toPhase } from '../helpers/meeting'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Issue 13 at its real size: 26 people present and 125 notes, which fit in at most four screens
 * at 1280 × 800 (the figure is printed).
 */

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }

const e2e = withServerAndBrowser({ ownClient: true })
let board: CreatedBoard
let people: TestClient[] = []

beforeAll(async () => {
  board = await importBoardFile(e2e.server.http, bigBoardFile(125))
  people = await crowd(e2e.server.ws, board.boardId, 24)
})

afterAll(() => {
  for (const person of people) person.destroy()
})

describe('the first screen and 125 notes', () => {
  it('fits 125 notes in at most four screens at 1280 × 800 (Clustern, moderator)', async () => {
    const mod = await joinIn(await contextWith(e2e.browser, { introDone: true }, DESKTOP), board.moderatorUrl, 'Moderation')
    await toPhase(mod, 'Clustern')
    await zone(mod, /Einheizen/).getByRole('listitem').nth(40).waitFor()
    const measured = await screensForNotes(mod)
    console.log(`125 notes at 1280×800: ${measured.notes} notes in ${measured.screens} screens`)
    expect(measured.notes).toBe(125)
    expect(measured.screens).toBeLessThanOrEqual(4)
  }, 60_000)
})
