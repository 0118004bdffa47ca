import Database from 'better-sqlite3'
import { chownSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_FILE_NAMES, DATA_FILES, SIDE_FILES } from './files'

/** A refusal with a message for the operator: what is wrong and what to do. */
export class OperatorError extends Error {}

export interface CopiedFile {
  readonly name: string
  readonly bytes: number
}

export interface BackupResult {
  readonly dir: string
  readonly files: readonly CopiedFile[]
  /** Boards in the copy of ballonfahrt.sqlite. */
  readonly boards: number
}

export interface RestoreResult {
  readonly files: readonly CopiedFile[]
  readonly boards: number
  /** Where the data directory's previous files were moved; null when it held none. */
  readonly movedAside: string | null
}

function checkIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new OperatorError(`${file} is damaged (integrity_check: ${String(result)})`)
  } finally {
    db.close()
  }
}

function countBoards(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/**
 * Copies every SQLite file of `dataDir` into `targetDir` while a server may be writing.
 * `VACUUM INTO` reads in one transaction, so each copy is the database at one moment, with
 * everything committed before it (committed comes before acknowledged); in WAL mode the server
 * keeps writing meanwhile. A copy is written under a temporary name, checked, then renamed.
 */
export function backupDataDir(dataDir: string, targetDir: string): BackupResult {
  if (!existsSync(join(dataDir, DATA_FILES.boards))) {
    throw new OperatorError(`No database in DATA_DIR=${dataDir} (${DATA_FILES.boards} is missing). Set DATA_DIR as for the server.`)
  }
  mkdirSync(targetDir, { recursive: true })
  const taken = DATA_FILE_NAMES.filter((name) => existsSync(join(targetDir, name)))
  if (taken.length > 0) {
    throw new OperatorError(`${targetDir} already holds a backup (${taken.join(', ')}). Choose a new folder, e.g. ${join(targetDir, new Date().toISOString().slice(0, 10))}.`)
  }
  const files: CopiedFile[] = []
  for (const name of DATA_FILE_NAMES) {
    const source = join(dataDir, name)
    if (!existsSync(source)) continue
    const target = join(targetDir, name)
    const partial = `${target}.partial`
    rmSync(partial, { force: true })
    const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 })
    try {
      db.prepare('VACUUM INTO ?').run(partial)
    } finally {
      db.close()
    }
    checkIntegrity(partial)
    renameSync(partial, target)
    files.push({ name, bytes: statSync(target).size })
  }
  const boards = countBoards(join(targetDir, DATA_FILES.boards))
  writeFileSync(join(targetDir, 'backup.json'), `${JSON.stringify({ createdAt: new Date().toISOString(), dataDir, boards, files }, null, 2)}\n`)
  return { dir: targetDir, files, boards }
}

/**
 * Whether a server has the database open. A server holds its connection for its whole life; an
 * exclusive lock is then refused at once (SQLITE_BUSY), across processes and containers that
 * share the volume. Nothing is written: the transaction is rolled back.
 */
export function dataDirInUse(dataDir: string): boolean {
  for (const name of DATA_FILE_NAMES) {
    const file = join(dataDir, name)
    if (!existsSync(file)) continue
    const db = new Database(file, { fileMustExist: true, timeout: 0 })
    try {
      db.pragma('locking_mode = EXCLUSIVE')
      db.exec('BEGIN EXCLUSIVE')
      db.exec('ROLLBACK')
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return true
      throw error
    } finally {
      db.close()
    }
  }
  return false
}

/** Moves the data directory's SQLite files (with their -wal, -shm) into a dated folder inside it. */
function moveAside(dataDir: string): string | null {
  const present = DATA_FILE_NAMES.flatMap((name) => [name, ...SIDE_FILES.map((side) => name + side)]).filter((f) => existsSync(join(dataDir, f)))
  if (present.length === 0) return null
  const aside = join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`)
  mkdirSync(aside)
  for (const file of present) renameSync(join(dataDir, file), join(aside, file))
  return aside
}

/**
 * Puts a backup made by `backupDataDir` into `dataDir`. Refuses while a server uses the
 * directory; files already there are moved aside, not deleted.
 */
export function restoreDataDir(backupDir: string, dataDir: string): RestoreResult {
  if (!existsSync(join(backupDir, DATA_FILES.boards))) {
    throw new OperatorError(`${backupDir} is not a backup folder (${DATA_FILES.boards} is missing); give the folder that npm run backup wrote.`)
  }
  const names = DATA_FILE_NAMES.filter((name) => existsSync(join(backupDir, name)))
  for (const name of names) checkIntegrity(join(backupDir, name))
  mkdirSync(dataDir, { recursive: true })
  if (dataDirInUse(dataDir)) {
    throw new OperatorError(
      `DATA_DIR=${dataDir} is in use by a running Ballonfahrt server. Stop it first (e.g. systemctl stop ballonfahrt, or docker compose stop app), run the restore again, then start the server.`,
    )
  }
  const movedAside = moveAside(dataDir)
  // Run as root (e.g. beside a systemd service with DynamicUser), the copies must still belong
  // to whoever owns the directory, or the server could not open them.
  const owner = statSync(dataDir)
  const files: CopiedFile[] = []
  for (const name of names) {
    const target = join(dataDir, name)
    copyFileSync(join(backupDir, name), `${target}.restoring`)
    if (process.getuid?.() === 0) chownSync(`${target}.restoring`, owner.uid, owner.gid)
    renameSync(`${target}.restoring`, target)
    files.push({ name, bytes: statSync(target).size })
  }
  return { files, boards: countBoards(join(dataDir, DATA_FILES.boards)), movedAside }
}
