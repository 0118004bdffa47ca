import { createReadStream, existsSync, statSync } from 'node:fs'
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
}

/** Serves the built client; unknown paths get index.html so the SPA can route them. */
export function serveStatic(clientDir: string, req: IncomingMessage, res: ServerResponse): void {
  const index = join(clientDir, 'index.html')
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Der Client ist nicht gebaut: bitte `npm run build` ausführen.\n')
    return
  }
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
  const file = normalize(join(clientDir, path))
  const inside = file.startsWith(clientDir + sep)
  const isFile = inside && existsSync(file) && statSync(file).isFile()
  const target = isFile ? file : index
  const hashed = isFile && path.startsWith('/assets/')
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(target).pipe(res)
}
