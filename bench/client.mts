/**
 * Scenario 7, the client, in Debian's Chromium against the real server on loopback:
 *   - a board of 500 notes (POST /api/boards/import) paints within 500 ms of sync: "sync" is the
 *     moment the board socket's provider handled the server's sync step 2 (observed by wrapping
 *     the page's WebSocket before the app loads; the client has no hook), "paint" two animation
 *     frames after all 500 note list items are in the DOM;
 *   - a remote change to one note touches that note only: DOM mutations outside that note's list
 *     item, in a second browser, while the moderator edits the note's text (goal: none);
 *   - Enter in one browser to visible in another: p95 <= 100 ms (bench/lib/chromium-latency.ts);
 *   - initial JS <= 150 KB gzip, read from the build as tests/e2e/bundle.test.ts does.
 *
 *   npx vite build && npx tsx bench/client.mts [--quick]
 */
import { launchBrowser } from '../tests/helpers/browser'
import { joinAs, joinIn } from '../tests/helpers/e2e'
import { startTestServer } from '../tests/helpers/server'
import { BOARD_NOTES, importBoard500, noteText } from './lib/board-500'
import { initialJs } from './lib/chromium-bundle'
import { enterToVisible } from './lib/chromium-latency'
import { paintProbe, watchMutations } from './lib/chromium-probes'
import type { MutationTally, PaintMarks } from './lib/chromium-probes'
import { machine, quantile } from './lib/results'
import type { Figure } from './lib/results'
import { writeResult } from './lib/scenario-report'

const quick = process.argv.includes('--quick')
const PAINTS = quick ? 3 : 10
const EDITS = quick ? 3 : 10
const ENTERS = quick ? 20 : 50
const notes: string[] = []

const server = await startTestServer({ connectionsPerMinute: 100_000 })
const browser = await launchBrowser()
try {
  const board = await importBoard500(server.http)

  // Paint after sync, each time in a fresh context (nothing stored in the browser yet).
  const afterSync: number[] = []
  const afterJoin: number[] = []
  const syncAfterJoin: number[] = []
  for (let i = 0; i < PAINTS; i++) {
    const context = await browser.newContext()
    await context.addInitScript(paintProbe(BOARD_NOTES))
    const page = await joinIn(context, board.participantUrl, `Gast ${i + 1}`)
    await page.waitForFunction(() => (window as unknown as { __paint: PaintMarks }).__paint.paintAt !== null, null, { timeout: 30_000 })
    const marks = await page.evaluate(() => (window as unknown as { __paint: PaintMarks }).__paint)
    if (marks.syncedAt === null || marks.joinedAt === null) throw new Error(`probe saw no sync step 2 or no click: ${JSON.stringify(marks)}`)
    afterSync.push(marks.paintAt! - marks.syncedAt)
    afterJoin.push(marks.paintAt! - marks.joinedAt)
    syncAfterJoin.push(marks.syncedAt - marks.joinedAt)
    console.error(`paint ${i + 1}: ${JSON.stringify(marks)}`)
    await context.close()
  }

  // A remote edit: the moderator changes one note; a participant's page counts DOM mutations.
  const editor = await joinAs(browser, board.moderatorUrl, 'Moderation')
  const watcher = await joinAs(browser, board.participantUrl, 'Beobachter')
  const outside: number[] = []
  const inside: number[] = []
  try {
    for (let i = 0; i < EDITS; i++) {
      const before = noteText(i * 37)
      const after = `${before} (geändert)`
      // The note's own list item (a cluster's item holds a list of its notes).
      const noteItem = (page: typeof watcher.page) =>
        page.getByRole('listitem').filter({ has: page.getByText(before, { exact: true }), hasNot: page.getByRole('list') })
      await noteItem(watcher.page).waitFor()
      await watcher.page.evaluate(watchMutations(before))
      const item = noteItem(editor.page)
      await item.getByRole('button', { name: /Notiz bearbeiten/ }).click()
      // Only one note is being edited: its editor is the one textbox with this name.
      const box = editor.page.getByRole('textbox', { name: 'Text der Notiz' })
      await box.fill(after)
      await box.press('Enter')
      await watcher.page.getByText(after, { exact: true }).waitFor()
      // Late renders (a status line, a counter) would come within a few frames.
      await watcher.page.waitForTimeout(500)
      const tally = await watcher.page.evaluate(() => (window as unknown as { __mutations: MutationTally }).__mutations)
      outside.push(tally.outside)
      inside.push(tally.inside)
      if (tally.outside) notes.push(`Edit ${i + 1}: ${tally.outside} mutations outside the note: ${tally.where.slice(0, 5).join('; ')}`)
    }
  } finally {
    await editor.context.close()
    await watcher.context.close()
  }

  const enter = await enterToVisible(browser, server, ENTERS)
  const bundle = initialJs('dist/client')

  const ours = (values: number[]) => ({ ballonfahrt: values })
  const figures: Figure[] = [
    { name: `${BOARD_NOTES}-note board: sync -> painted, p95 over ${PAINTS}`, unit: 'ms', goal: '≤ 500', better: 'lower', values: ours([quantile(afterSync, 0.95)]) },
    { name: 'sync -> painted, each load', unit: 'ms', better: 'lower', values: ours(afterSync) },
    { name: '"Beitreten" clicked -> synced', unit: 'ms', better: 'lower', values: ours(syncAfterJoin) },
    { name: '"Beitreten" clicked -> painted', unit: 'ms', better: 'lower', values: ours(afterJoin) },
    { name: 'remote edit of one note: DOM mutations outside that note', unit: 'count', goal: '≤ 0', better: 'lower', values: ours(outside) },
    { name: 'remote edit of one note: DOM mutations inside that note', unit: 'count', better: 'lower', values: ours(inside) },
    { name: `Enter -> visible in another browser, p95 over ${ENTERS}`, unit: 'ms', goal: '≤ 100', better: 'lower', values: ours([quantile(enter, 0.95)]) },
    { name: 'Enter -> visible in another browser, each note', unit: 'ms', better: 'lower', values: ours(enter) },
    { name: `initial JS (${bundle.files.length} files)`, unit: 'KB gzip', goal: '≤ 150', better: 'lower', values: ours([Math.round((bundle.gzipBytes / 1024) * 10) / 10]) },
  ]
  notes.push(
    'Sync: the client has no hook for its provider\'s synced event, so a script added before the app wraps WebSocket and records the moment the board socket\'s handler for the server\'s sync step 2 returned (y-websocket sets `synced` inside that handler). With a `performance.mark(\'ballonfahrt:synced\')` in client/sync/connection.ts (where `resolveSynced()` is called) the probe could read the mark instead.',
    `Paint: an animation-frame loop until all ${BOARD_NOTES} note list items (list items of the lists named "Notizen …") are in the DOM, then two more frames. Each load in a fresh browser context (nothing in IndexedDB), joined through the name dialog as a participant.`,
    `Remote edit: the moderator edits a note in one browser (Bearbeiten, new text, Enter); in a participant's browser a MutationObserver on the whole body counts mutations inside and outside that note's list item, from before the edit until 500 ms after the new text is visible; ${EDITS} different notes.`,
    'React re-renders are not counted here: production React offers no honest per-component count without the DevTools hook and a fiber walk; the component test tests/component/rerender.test.tsx covers that a remote change re-renders that note only.',
    'Enter -> visible: bench/lib/chromium-latency.ts (the same code as npm run bench:latency), on its own open board. The server runs in the benchmark process, as in bench/latency.mts.',
    'Initial JS: bench/lib/chromium-bundle.ts, the function tests/e2e/bundle.test.ts checks with.',
  )
  writeResult('client', {
    scenario: 'client',
    title: 'Client in Chromium: paint, remote change, Enter -> visible, initial JS',
    command: `npx vite build && npx tsx bench/client.mts${quick ? ' --quick' : ''}`,
    date: new Date().toISOString(),
    machine: machine(),
    figures,
    notes,
  })
} finally {
  await browser.close()
  await server.stop()
}
