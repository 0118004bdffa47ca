/**
 * What the first page load transfers: the start page and a board page, each in a fresh
 * Chromium context (empty cache), then once more in the same context (a reload: what the cache
 * saves). Chromium's own count (CDP `encodedDataLength`: headers and body as sent). Chromium
 * offers brotli only over HTTPS, so the same files are also fetched with
 * `Accept-Encoding: br, gzip`, as a browser behind the TLS proxy asks for them.
 *
 *   npm run build && npx tsx bench/firstLoad.mts
 */
import { request } from 'node:http'
import type { BrowserContext } from 'playwright-core'
import { launchBrowser } from '../tests/helpers/browser'
import { startTestServer } from '../tests/helpers/server'

interface Load {
  readonly requests: number
  /** Bytes on the wire, headers included. */
  readonly transferred: number
  /** Body bytes after decoding. */
  readonly decoded: number
  readonly encodings: string[]
  readonly urls: string[]
}

async function measure(context: BrowserContext, url: string, reload: boolean): Promise<Load> {
  const page = context.pages()[0] ?? (await context.newPage())
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const seen = new Map<string, { url: string; encoding: string; decoded: number; transferred: number }>()
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'WebSocket') return
    const headers = e.response.headers as Record<string, string>
    const encoding = headers['content-encoding'] ?? headers['Content-Encoding'] ?? 'identity'
    seen.set(e.requestId, { url: e.response.url, encoding: `${e.response.status} ${encoding}`, decoded: 0, transferred: 0 })
  })
  cdp.on('Network.dataReceived', (e) => {
    const entry = seen.get(e.requestId)
    if (entry) entry.decoded += e.dataLength
  })
  cdp.on('Network.loadingFinished', (e) => {
    const entry = seen.get(e.requestId)
    if (entry) entry.transferred = e.encodedDataLength
  })
  if (reload) await page.reload({ waitUntil: 'networkidle' })
  else await page.goto(url, { waitUntil: 'networkidle' })
  await cdp.detach()
  const entries = [...seen.values()]
  return {
    requests: entries.length,
    transferred: entries.reduce((sum, e) => sum + e.transferred, 0),
    decoded: entries.reduce((sum, e) => sum + e.decoded, 0),
    encodings: [...new Set(entries.map((e) => e.encoding))],
    urls: entries.map((e) => e.url),
  }
}

/** Body bytes of one GET with the given Accept-Encoding (what a browser over HTTPS receives). */
function bodyBytes(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const server = await startTestServer()
const browser = await launchBrowser()
try {
  const created = await fetch(`${server.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Messung"}' })
  const { participantUrl } = (await created.json()) as { participantUrl: string }
  console.log('| page | load | requests | transferred (Chromium, http) | decoded | answers | same files with br |')
  console.log('|---|---|---|---|---|---|---|')
  for (const [name, url] of [['start page', `${server.http}/`], ['board page', participantUrl]] as const) {
    const context = await browser.newContext()
    const first = await measure(context, url, false)
    const again = await measure(context, url, true)
    const br = await Promise.all(first.urls.map((u) => bodyBytes(u, 'br, gzip')))
    const brTotal = br.reduce((sum, r) => sum + r.bytes, 0)
    const brEncodings = [...new Set(br.map((r) => r.encoding))].join(', ')
    console.log(`| ${name} | first | ${first.requests} | ${kb(first.transferred)} | ${kb(first.decoded)} | ${first.encodings.join(', ')} | ${kb(brTotal)} (${brEncodings}) |`)
    console.log(`| ${name} | reload | ${again.requests} | ${kb(again.transferred)} | ${kb(again.decoded)} | ${again.encodings.join(', ')} | |`)
    await context.close()
  }
} finally {
  await browser.close()
  await server.stop()
}
