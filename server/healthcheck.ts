// The container's HEALTHCHECK: exits 0 when this machine's server answers GET /healthz with 200
// within 4 s, else 1. Plain node, because slim images have neither curl nor wget.
export {}

const port = Number(process.env.PORT || 8080)
const listen = process.env.HOST
const host = !listen || listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen.includes(':') ? `[${listen}]` : listen
const url = `http://${host}:${port}/healthz`
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) })
  if (res.status !== 200) throw new Error(`answered ${res.status}`)
  process.exit(0)
} catch (error) {
  console.error(`${url}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
