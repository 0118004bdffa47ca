import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError } from './httpKit'
import type { HttpContext } from './httpKit'

/**
 * What a request must pass before it creates a board (new, imported or the demo): anyone may
 * create boards, so each of these is what keeps a foreign page or a script from filling the disk.
 */
export async function admitNewBoard(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A page on another origin cannot send application/json without the browser asking first
  // (CORS preflight, which this server never allows): a plain form or text/plain is refused.
  if (mediaType(req.headers['content-type']) !== 'application/json')
    throw new HttpError(415, 'Erwartet wird Content-Type: application/json')
  const wait = ctx.creations.take(req.socket.remoteAddress)
  if (wait > 0) {
    res.setHeader('retry-after', String(wait))
    throw new HttpError(429, 'Zu viele neue Boards von dieser Adresse. Bitte versuchen Sie es in einer Minute erneut.')
  }
  const quota = ctx.config.maxDataBytes
  if (quota > 0 && ctx.store.dataBytes && (await ctx.store.dataBytes()) >= quota)
    throw new HttpError(507, 'Der Speicherplatz dieses Servers ist erschöpft. Bitte wenden Sie sich an den Betrieb.')
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase()
}
