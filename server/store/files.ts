/**
 * The SQLite files of a data directory (DATA_DIR). Everything a server keeps between restarts is
 * in these; `npm run backup` copies them, `npm run restore` puts them back.
 */
export const DATA_FILES = {
  /** Boards, their logs and snapshots, the private docs. */
  boards: 'ballonfahrt.sqlite',
  /** The live board codes (24 hours), apart so that a board's rows never wait for them. */
  joinCodes: 'join-codes.sqlite',
  /** Events (Veranstaltungen): their plans, codes and which board is which forum round. */
  events: 'events.sqlite',
} as const

export const DATA_FILE_NAMES: readonly string[] = Object.values(DATA_FILES)

/** What SQLite keeps beside a database file while it is open or after a crash. */
export const SIDE_FILES: readonly string[] = ['-wal', '-shm', '-journal']
