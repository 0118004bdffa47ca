import { createReadStream, existsSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
}

/** The precompressed variants the build writes beside a file (vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const
type Encoding = (typeof ENCODINGS)[number]['name']

/** Paths that name files, never pages: a miss there is a 404, not the SPA. */
const FILE_PREFIXES = ['/assets/', '/ws/']

/** The codings `Accept-Encoding` allows (q > 0), with `*` standing for any not named. */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>()
  if (!header) return accepted
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(token.trim(), Number.isFinite(value) ? value : 0)
  }
  for (const { name } of ENCODINGS) {
    const value = q.get(name) ?? q.get('*') ?? 0
    if (value > 0) accepted.add(name)
  }
  return accepted
}

/** The decoded path of a request, or null when it cannot be a path (bad escapes, NUL). */
export function requestPath(url: string | undefined): string | null {
  const raw = (url ?? '/').split('?')[0]!.split('#')[0]!
  if (!raw.startsWith('/')) return null
  let path: string
  try {
    path = decodeURIComponent(raw)
  } catch {
    return null
  }
  return path.includes('\0') ? null : path
}

function fileAt(clientDir: string, path: string): { file: string; stat: Stats } | null {
  const file = normalize(join(clientDir, path))
  if (!file.startsWith(clientDir + sep)) return null
  if (!existsSync(file)) return null
  const stat = statSync(file)
  return stat.isFile() ? { file, stat } : null
}

const tag = (stat: Stats, suffix: string) => `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${suffix}"`

/** Whether `If-None-Match` names this representation (weak comparison, as for GET). */
function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`${text}\n`)
}

/** Sends one file: the best precompressed variant the client accepts, with ETag and 304. */
function sendFile(req: IncomingMessage, res: ServerResponse, found: { file: string; stat: Stats }, cacheControl: string, status = 200): void {
  const accepted = acceptedEncodings(req.headers['accept-encoding'])
  let body = found
  let encoding: Encoding | null = null
  let hasVariants = false
  for (const { name, suffix } of ENCODINGS) {
    const variant = existsSync(found.file + suffix) ? { file: found.file + suffix, stat: statSync(found.file + suffix) } : null
    if (!variant) continue
    hasVariants = true
    if (!encoding && accepted.has(name)) {
      body = variant
      encoding = name
    }
  }
  const etag = tag(found.stat, encoding ? `-${encoding}` : '')
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
  }
  // Caches (and the proxy) must keep one copy per coding.
  if (hasVariants) headers.vary = 'Accept-Encoding'
  if (status === 200 && notModified(req, etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  if (encoding) headers['content-encoding'] = encoding
  headers['content-length'] = body.stat.size
  res.writeHead(status, headers)
  if (req.method === 'HEAD') res.end()
  else createReadStream(body.file).pipe(res)
}

/**
 * Serves the built client. Hashed assets are cached for good; everything else is revalidated
 * (ETag). A file that is not there is a 404, so a tab left open across an upgrade fails loudly
 * on an old chunk instead of parsing HTML as JavaScript; only page routes get the SPA's
 * index.html, and a malformed path is a 400.
 */
export function serveStatic(clientDir: string, req: IncomingMessage, res: ServerResponse): void {
  const index = fileAt(clientDir, '/index.html')
  if (!index) return plain(res, 503, 'Der Client ist nicht gebaut: bitte `npm run build` ausführen.')
  const path = requestPath(req.url)
  // A '..' segment is never a page or a file of ours, only an attempt to leave the folder.
  if (path === null || path.split('/').includes('..')) return plain(res, 400, 'Ungültiger Pfad')
  const found = path.endsWith('/') ? null : fileAt(clientDir, path)
  if (found) {
    const hashed = path.startsWith('/assets/')
    return sendFile(req, res, found, hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
  }
  const last = path.slice(path.lastIndexOf('/') + 1)
  if (FILE_PREFIXES.some((prefix) => path.startsWith(prefix)) || last.includes('.')) return plain(res, 404, 'Nicht gefunden')
  sendFile(req, res, index, 'no-cache')
}
