import type { IncomingMessage, ServerResponse } from 'node:http'
import { eventByCode, eventOverview } from './eventOverview'
import { eventReport } from './eventReport'
import { createEvent, deleteEvent, switchRound } from './events'
import { HttpError } from './httpKit'
import type { HttpContext } from './httpKit'

/** Whether a path belongs to the events' interface (serveEvents answers it). */
export function isEventPath(path: string): boolean {
  return path === '/api/events' || path.startsWith('/api/events/') || path.startsWith('/api/event-codes/')
}

function only(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw new HttpError(405, `Nur ${method}`)
}

/** The events' interface: one route per line, each handler in events*.ts. */
export async function serveEvents(ctx: HttpContext, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [, , , eventId = '', action, extra] = path.split('/')
  if (path.startsWith('/api/event-codes/')) {
    only(req, 'GET')
    return eventByCode(ctx, path.slice('/api/event-codes/'.length), req, res)
  }
  if (path === '/api/events') {
    only(req, 'POST')
    return createEvent(ctx, req, res)
  }
  if (extra !== undefined || eventId === '') throw new HttpError(404, 'Unbekannte Schnittstelle')
  if (action === undefined) {
    if (req.method === 'GET') return eventOverview(ctx, eventId, req, res)
    if (req.method === 'DELETE') return deleteEvent(ctx, eventId, req, res)
    throw new HttpError(405, 'Nur GET oder DELETE')
  }
  if (action === 'round') {
    only(req, 'PUT')
    return switchRound(ctx, eventId, req, res)
  }
  if (action.startsWith('report.')) {
    only(req, 'GET')
    return eventReport(ctx, eventId, action.slice('report.'.length), req, res)
  }
  throw new HttpError(404, 'Unbekannte Schnittstelle')
}
