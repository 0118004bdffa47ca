import type { Bericht } from '../bericht'
import type { MeetingDetails } from '../details'
import type { Person } from '../people'
import type { ReviewStatus } from '../review'
import type { Settings } from '../settings'
import type { Locale, ZoneId } from '../zones'

/**
 * The versioned export format ("ballonfahrt-board", version 2), documented in
 * docs/export-format.md. Reading it back lives in parse.ts, writing it into a doc in import.ts.
 * Version 2 added the meeting's details, institutions, people and quotes; a version 1 file is
 * read as a version 2 file without them.
 */
export const BOARD_FILE_FORMAT = 'ballonfahrt-board'
export const BOARD_FILE_VERSION = 2
export const READABLE_VERSIONS: readonly number[] = [1, 2]

export interface BoardFile {
  readonly format: typeof BOARD_FILE_FORMAT
  readonly version: typeof BOARD_FILE_VERSION
  readonly title: string
  readonly topic: string
  /** The meeting's date, YYYY-MM-DD, or empty. */
  readonly date: string
  readonly locale: Locale
  /** The moderator's question per zone; null for the default question. */
  readonly questions: Readonly<Record<ZoneId, string | null>>
  readonly settings: Settings
  readonly zones: Readonly<Record<ZoneId, FileZone>>
  readonly actions: readonly FileAction[]
  /** Time, format, place, organiser (the date is `date`). */
  readonly meeting: MeetingDetails
  /** The institutions that took part, each once. */
  readonly institutions: readonly string[]
  /** Participant id -> institution (and a name where allowed); absent on anonymous boards. */
  readonly people?: Readonly<Record<string, Person>>
  /** The Bericht's parts the moderator edited (model/bericht.ts); absent when none was. */
  readonly bericht?: Bericht
  /** A follow-up meeting's Rückblick: the previous meeting's open actions and their marks; absent when it carried none. */
  readonly review?: readonly FileReviewItem[]
}

export interface FileReviewItem {
  readonly id: string
  readonly what: string
  readonly who: string
  /** YYYY-MM-DD or empty. */
  readonly until: string
  /** erledigt, laeuft or verworfen; absent when not marked. */
  readonly status?: ReviewStatus
  /** Absent when empty. */
  readonly note?: string
}

export interface FileZone {
  /** In board order. */
  readonly clusters: readonly FileCluster[]
  /** Notes in no cluster, in board order. */
  readonly loose: readonly FileNote[]
}

export interface FileCluster {
  readonly id: string
  /** May be empty (an untitled cluster). */
  readonly title: string
  /** Total votes for the cluster; 0 when none. */
  readonly votes: number
  readonly notes: readonly FileNote[]
}

export interface FileNote {
  readonly id: string
  readonly text: string
  /** The note's own votes, when it has any (usually only loose notes are voted on). */
  readonly votes?: number
  /** The author's participant id; never present on anonymous boards. */
  readonly author?: string
  /** ISO 8601 timestamp. */
  readonly createdAt: string
  /** Marked "Zitat" by the moderator. */
  readonly quote?: true
}

export interface FileAction {
  readonly id: string
  readonly what: string
  readonly who: string
  /** YYYY-MM-DD or empty. */
  readonly until: string
  /** Id of a cluster or note in this file, or null. */
  readonly link: string | null
  readonly done: boolean
}
