import type { IncomingMessage, ServerResponse } from 'node:http'
import { buildEventReport } from '../model/export/event/eventReport'
import type { EventReport, ForumRoundView } from '../model/export/event/eventReport'
import { eventToDocx } from '../model/export/event/docx'
import { eventToMarkdown } from '../model/export/event/markdown'
import { eventAccess } from './eventAccess'
import { readForumRound } from './eventOverview'
import { eventsOf } from './events'
import { HttpError } from './httpKit'
import type { HttpContext } from './httpKit'

const FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', render: (r: EventReport) => eventToMarkdown(r) },
  json: { type: 'application/json; charset=utf-8', render: (r: EventReport) => `${JSON.stringify({ format: 'ballonfahrt-event-report', version: 1, ...r }, null, 2)}\n` },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: (r: EventReport) => eventToDocx(r) },
} as const

function isFormat(format: string): format is keyof typeof FORMATS {
  return Object.hasOwn(FORMATS, format)
}

/**
 * `GET /api/events/<id>/report.<md|json|docx>`: the combined report, with the organiser's token
 * (every forum) or a forum host's (that forum only). Answered as an attachment.
 */
export async function eventReport(ctx: HttpContext, eventId: string, format: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isFormat(format)) throw new HttpError(404, 'Unbekanntes Format (md, json oder docx)')
  const { event, boards } = await eventAccess(eventsOf(ctx), ctx.store, eventId, req)
  const rounds: ForumRoundView[] = []
  for (const b of boards) {
    const read = await readForumRound(ctx, b.boardId)
    if (read) rounds.push({ forum: b.forum, round: b.round, view: read.view })
  }
  const out = FORMATS[format]
  const body = await out.render(buildEventReport(event.plan, rounds))
  res.writeHead(200, {
    'content-type': out.type,
    'content-disposition': `attachment; filename="ballonfahrt-veranstaltung-${event.plan.date}.${format}"`,
    'cache-control': 'no-store',
  })
  res.end(body)
}
