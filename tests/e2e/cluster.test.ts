import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { startCluster } from '../helpers/cluster'
import type { ClusterRig } from '../helpers/cluster'
import { joinAs, noteItem, writeNote, zone } from '../helpers/e2e'

/**
 * A short retro in Chromium on three instances behind nginx: the moderator's browser on
 * instance A, Anna's on instance B, Ben's through nginx. Whoever owns the board, the others'
 * sockets are relayed to it.
 */
let rig: ClusterRig
let browser: Browser

beforeAll(async () => {
  rig = await startCluster(3)
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await rig?.stop()
})

/** The same link, on one instance's own port. */
const on = (url: string, instance: number) => url.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${rig.instances[instance]!.port}`)

async function toPhase(mod: Page, phase: string): Promise<void> {
  await mod.getByRole('button', { name: phase, exact: true }).click()
  await mod.getByRole('button', { name: phase, exact: true }).and(mod.locator('[aria-current="step"]')).waitFor()
}

describe('a retro across instances', () => {
  it('runs Sammeln, Aufdecken, Abstimmen, Maßnahmen and Abschluss with browsers on different instances', async () => {
    const res = await fetch(`${rig.nginx.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Retro im Verbund' }) })
    const board = (await res.json()) as { participantUrl: string; moderatorUrl: string }
    expect(board.participantUrl).toContain(`127.0.0.1:${rig.nginx.port}`)
    const mod = (await joinAs(browser, on(board.moderatorUrl, 0), 'Moderation')).page
    const anna = (await joinAs(browser, on(board.participantUrl, 1), 'Anna')).page
    const ben = (await joinAs(browser, board.participantUrl, 'Ben')).page
    const everyone = [mod, anna, ben]

    // Sammeln, privately: the others see counts, not text.
    await writeNote(anna, /Steigen/, 'Gute Zusammenarbeit über Ämter hinweg')
    await writeNote(ben, /Einheizen/, 'Mehr Zeit für Austausch')
    await noteItem(anna, /Steigen/, 'Gute Zusammenarbeit über Ämter hinweg').waitFor()
    await anna.getByRole('button', { name: 'Ich bin fertig' }).click()
    await mod.getByText(/^1 von \d+ fertig$/).waitFor()
    expect(await mod.getByText('Gute Zusammenarbeit über Ämter hinweg').count()).toBe(0)

    // Aufdecken: every draft appears in every browser.
    await toPhase(mod, 'Aufdecken')
    for (const page of everyone) {
      await noteItem(page, /Steigen/, 'Gute Zusammenarbeit über Ämter hinweg').waitFor()
      await noteItem(page, /Einheizen/, 'Mehr Zeit für Austausch').waitFor()
    }

    // Abstimmen: votes cast on two instances, totals once the vote ends.
    await toPhase(mod, 'Abstimmen')
    await anna.getByRole('button', { name: 'Stimme geben: Gute Zusammenarbeit über Ämter hinweg' }).click()
    await anna.getByRole('button', { name: 'Stimme geben: Gute Zusammenarbeit über Ämter hinweg' }).click()
    await ben.getByRole('button', { name: 'Stimme geben: Gute Zusammenarbeit über Ämter hinweg' }).click()
    await anna.getByText('Noch 3 von 5 Stimmen').waitFor()
    await ben.getByText('Noch 4 von 5 Stimmen').waitFor()
    await mod.getByRole('button', { name: 'Abstimmung beenden' }).click()
    for (const page of everyone) await zone(page, /Steigen/).getByText('3 Stimmen', { exact: true }).waitFor()

    // Maßnahmen and Abschluss.
    await toPhase(mod, 'Maßnahmen')
    await mod.getByRole('textbox', { name: 'Was' }).fill('Austauschrunde einrichten')
    await mod.getByRole('textbox', { name: 'Wer' }).fill('Koordination')
    await mod.getByRole('button', { name: 'Maßnahme hinzufügen' }).click()
    for (const page of everyone) await page.getByRole('cell', { name: 'Austauschrunde einrichten', exact: true }).waitFor()
    await toPhase(mod, 'Abschluss')
    await anna.getByText('Das Board ist schreibgeschützt.').waitFor()
    for (const page of everyone) await page.getByText('gespeichert', { exact: true }).waitFor()
  }, 120_000)
})
