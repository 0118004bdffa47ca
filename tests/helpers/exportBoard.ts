import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { importBoard, parseBoardFile } from '../../model/export/json'
import type { BoardFile, FileZone } from '../../model/export/json'
import { toBoardView } from '../../model/view'
import type { BoardView } from '../../model/view'

export const FIXTURE_PATH = new URL('../../server/demo/praeventionsketten-2025.json', import.meta.url)
export const GOLDEN_DIR = new URL('../golden/', import.meta.url)

/** The demo fixture as parsed JSON (the minimal import format). */
export function fixtureData(): Record<string, unknown> {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, unknown>
}

/** A fresh doc holding `file`, and its view. */
export function boardOf(file: BoardFile): { doc: Y.Doc; view: BoardView } {
  const doc = new Y.Doc()
  importBoard(doc, file, Date.UTC(2025, 0, 29, 9))
  return { doc, view: toBoardView(doc) }
}

/** The fixture board: parseBoardFile + importBoard + toBoardView. */
export function fixtureView(): BoardView {
  return boardOf(parseBoardFile(fixtureData())).view
}

export function golden(name: string): string {
  return readFileSync(new URL(name, GOLDEN_DIR), 'utf8')
}

/** `file` with each zone changed by `change`. */
export function mapZones(file: BoardFile, change: (zone: FileZone) => FileZone): BoardFile {
  const { steigen, untenHalten, einheizen } = file.zones
  return { ...file, zones: { steigen: change(steigen), untenHalten: change(untenHalten), einheizen: change(einheizen) } }
}
