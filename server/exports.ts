import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { toCsv } from '../model/export/csv'
import { toDocx } from '../model/export/docx'
import { ImportError, parseBoardFile, toBoardFile } from '../model/export/json'
import type { BoardFile } from '../model/export/json'
import { toMarkdown } from '../model/export/markdown'
import { toBoardView } from '../model/view'
import type { BoardView } from '../model/view'
import type { HttpContext } from './httpKit'
import { HttpError, moderatedBoard } from './httpKit'

/** The Präventionsketten example board ("Beispiel ansehen"), bundled with the server. */
export function demoBoard(): unknown {
  return JSON.parse(readFileSync(new URL('./demo/praeventionsketten-2025.json', import.meta.url), 'utf8')) as unknown
}

/** Reads an uploaded board file; what is wrong comes back as 400 with the importer's message. */
export function readBoardFile(data: unknown): BoardFile {
  try {
    return parseBoardFile(data)
  } catch (error) {
    if (error instanceof ImportError) throw new HttpError(400, error.message)
    throw error
  }
}

interface Rendered {
  readonly type: string
  readonly ext: string
  readonly body: string | Uint8Array
}

async function render(view: BoardView, format: string, params: URLSearchParams): Promise<Rendered> {
  const locale = view.locale
  switch (format) {
    case 'md':
      return { type: 'text/markdown; charset=utf-8', ext: 'md', body: toMarkdown(view, locale) }
    case 'csv': {
      const separator = params.get('separator') === 'semicolon' ? ';' : ','
      return { type: 'text/csv; charset=utf-8', ext: 'csv', body: toCsv(view, { separator, locale }) }
    }
    case 'json':
      return { type: 'application/json; charset=utf-8', ext: 'json', body: `${JSON.stringify(toBoardFile(view), null, 2)}\n` }
    case 'docx':
      return {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ext: 'docx',
        body: await toDocx(view, locale),
      }
    default:
      throw new HttpError(404, 'Unbekanntes Format (md, csv, json oder docx)')
  }
}

function fileName(view: BoardView, ext: string): string {
  const slug = view.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60)
  return `ballonfahrt-${slug || 'board'}-${view.date || 'export'}.${ext}`
}

/** `GET /api/boards/<id>/export.<md|csv|json|docx>` with the moderator token. */
export async function exportBoard(
  ctx: HttpContext,
  boardId: string,
  format: string,
  params: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req)
  const room = await ctx.rooms.open(boardId)
  let view: BoardView
  try {
    view = toBoardView(room.doc)
  } finally {
    ctx.rooms.release(room)
  }
  const out = await render(view, format, params)
  res.writeHead(200, {
    'content-type': out.type,
    'content-disposition': `attachment; filename="${fileName(view, out.ext)}"`,
    'cache-control': 'no-store',
  })
  res.end(out.body)
}
