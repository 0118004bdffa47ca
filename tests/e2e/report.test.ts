import { strFromU8, unzipSync } from 'fflate'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../helpers/axe'
import { importFixtureBoard, joinAs } from '../helpers/e2e'
import { fixtureData } from '../helpers/exportBoard'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()
const fixture = fixtureData() as {
  zones: Record<string, { cluster: string | null; notes: string[] }[]>
}
const clusterTitles = Object.values(fixture.zones).flatMap((z) => z.map((c) => c.cluster).filter((t): t is string => t !== null))

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
}

describe('the report', () => {
  it('lets the moderator download every format from the app and prints to PDF with every cluster title', async () => {
    const board = await importFixtureBoard(e2e.server.http)
    const { context, page } = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    await page.getByRole('link', { name: 'Ergebnis' }).click()
    await page.getByRole('heading', { level: 1 }).waitFor()
    for (const title of clusterTitles) expect(await page.getByText(title).count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])

    const md = await download(page, 'Markdown herunterladen')
    expect(md.name).toMatch(/^ballonfahrt-[a-z0-9-]+-2025-01-29\.md$/)
    expect(md.bytes.toString('utf8')).toContain('Fehlende finanzielle Ressourcen')
    const csv = await download(page, 'CSV herunterladen')
    expect(csv.name).toMatch(/^ballonfahrt-[a-z0-9-]+-notizen-2025-01-29\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.bytes.toString('utf8')).toContain('Personalwechsel')
    const json = JSON.parse((await download(page, 'JSON herunterladen')).bytes.toString('utf8')) as { format: string }
    expect(json.format).toBe('ballonfahrt-board')
    const docx = await download(page, 'Word (DOCX) herunterladen')
    expect(strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!)).toContain('Fachkräftemangel')
    const png = await download(page, 'Als Bild (PNG) herunterladen')
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

    await page.emulateMedia({ media: 'print' })
    const pdfPath = join(tmpdir(), `ballonfahrt-report-${process.pid}.pdf`)
    writeFileSync(pdfPath, await page.pdf({ format: 'A4' }))
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8').replace(/\s+/g, ' ')
    for (const title of clusterTitles) expect(text).toContain(title)
    expect(text).toContain('Maßnahmen')
    expect(text).not.toContain('herunterladen')
    await context.close()
  })

  it('opens the example board from the landing page', async () => {
    const context = await e2e.browser.newContext()
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    await page.getByRole('button', { name: 'Beispiel ansehen' }).click()
    await page.getByRole('heading', { level: 1, name: /Austausch- und Vernetzungstreffen/ }).waitFor()
    for (const title of clusterTitles) expect(await page.getByText(title).count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
