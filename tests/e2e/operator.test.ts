import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { waitFor } from '../helpers/clients'
import { requireBuild } from '../helpers/npmScript'

/**
 * The operator's details and the retention period are settings of the running server: the built
 * server (`npm run serve`'s command) on one build of the client, started twice with different
 * settings, shows each in Chromium. The client is not rebuilt in between (its files' times are
 * checked).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-operator-'))
let browser: Browser
let child: ChildProcess | null = null

async function serve(env: Record<string, string>): Promise<string> {
  requireBuild()
  let out = ''
  const started = spawn(process.execPath, ['dist/server/index.js'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = started
  started.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  started.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  await waitFor(() => /"event":"server.listening"/.test(out) || started.exitCode !== null, 20_000, 'server start')
  if (started.exitCode !== null) throw new Error(`server exited: ${out}`)
  return `http://127.0.0.1:${/"port":(\d+)/.exec(out)![1]}`
}

async function stop(): Promise<void> {
  const running = child
  child = null
  if (!running || running.exitCode !== null) return
  running.kill('SIGTERM')
  await new Promise((r) => running.once('exit', r))
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await stop()
  await browser?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('operator settings at run time', () => {
  it('the privacy and accessibility pages show what the running server is told, without a rebuild', async () => {
    const built = statSync(resolve('dist/client/index.html')).mtimeMs

    // First: a file in DATA_DIR, one variable on top, a retention of 7 days.
    writeFileSync(
      join(dataDir, 'operator.json'),
      JSON.stringify({
        name: 'Landkreis Beispiel – Fachstelle Prävention',
        address: ['Musterstraße 1', '12345 Beispielstadt'],
        accessibilityContact: { name: 'Team Digitales', email: 'barrierefrei@landkreis-beispiel.de', phone: '', address: [] },
      }),
    )
    let base = await serve({ BOARD_TTL_DAYS: '7', OPERATOR_EMAIL: 'datenschutz@landkreis-beispiel.de' })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/datenschutz`)
    const main = page.getByRole('main')
    await main.getByText('Landkreis Beispiel – Fachstelle Prävention').waitFor()
    await expect(main.getByText('12345 Beispielstadt').count()).resolves.toBeGreaterThan(0)
    await expect(main.getByRole('link', { name: 'datenschutz@landkreis-beispiel.de' }).count()).resolves.toBe(1)
    expect(await main.textContent()).toContain('7 Tagen')
    expect(await main.textContent()).not.toContain('30 Tagen')
    await page.goto(`${base}/barrierefreiheit`)
    await page.getByRole('link', { name: 'barrierefrei@landkreis-beispiel.de' }).waitFor()
    await stop()

    // Then: other settings, only variables, 45 days; the same build of the client.
    rmSync(join(dataDir, 'operator.json'))
    base = await serve({ BOARD_TTL_DAYS: '45', OPERATOR_NAME: 'Stadt Musterhausen', OPERATOR_ADDRESS: 'Rathausplatz 2; 54321 Musterhausen' })
    await page.goto(`${base}/datenschutz`)
    await main.getByText('Stadt Musterhausen').waitFor()
    expect(await main.textContent()).toContain('45 Tagen')
    expect(await main.textContent()).toContain('54321 Musterhausen')
    expect(await main.textContent()).not.toContain('Landkreis Beispiel')
    await context.close()

    expect(statSync(resolve('dist/client/index.html')).mtimeMs).toBe(built)
  })

  it('a wrong setting stops the start and names the variable', async () => {
    await expect(serve({ BOARD_TTL_DAYS: 'dreißig' })).rejects.toThrow(/Configuration error: BOARD_TTL_DAYS: not a whole number of at least 1: dreißig/)
    writeFileSync(join(dataDir, 'operator.json'), '{"name": "Kreis", "emial": "x@y.de"}')
    await expect(serve({})).rejects.toThrow(/operator\.json: unknown field "emial"/)
    rmSync(join(dataDir, 'operator.json'))
  })
})
