import { boardTag, log } from './log'
import type { BoardStore } from './store/BoardStore'

export interface RetentionOptions {
  readonly store: BoardStore
  readonly ttlDays: number
  /** Whether people are connected to the board right now (then it is kept). */
  readonly inUse: (boardId: string) => boolean
  /** Drops the board from memory and closes its connections before its rows go. */
  readonly evict: (boardId: string) => Promise<void>
  /** After a board's rows went: what else names it lets go (its event). */
  readonly forget?: (boardId: string) => Promise<void>
  /** Deletes what stayed in the Papierkorb longer than it may (server/trash.ts). */
  readonly expireTrash?: () => Promise<number>
  readonly now?: () => number
  readonly intervalMs?: number
}

export interface Retention {
  /** Deletes every board without activity for ttlDays; returns the ids it deleted. */
  sweep(): Promise<string[]>
  stop(): void
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Boards expire after `ttlDays` without activity (DSGVO: keep no longer than needed) and are
 * purged from storage: the board, its private docs, its snapshot and log, in one transaction.
 * Papierkorb entries older than their time are deleted in the same sweep.
 */
export function startRetention(options: RetentionOptions): Retention {
  const now = options.now ?? Date.now
  let running: Promise<string[]> | null = null
  const sweep = (): Promise<string[]> => {
    // With several instances on one database, one sweeps at a time; the others skip this round.
    running ??= options.store
      .exclusively('retention', async () => {
        const deleted: string[] = []
        for (const id of await options.store.listExpired(now() - options.ttlDays * DAY)) {
          if (options.inUse(id)) continue
          await options.evict(id)
          await options.store.deleteBoard(id)
          await options.forget?.(id)
          deleted.push(id)
          log('board.expired', { board: boardTag(id) })
        }
        const trashed = (await options.expireTrash?.()) ?? 0
        if (trashed > 0) log('trash.expired', { entries: trashed })
        return deleted
      })
      .then((deleted) => deleted ?? [])
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(() => void sweep().catch((e: unknown) => log('retention.failed', { error: String(e) })), options.intervalMs ?? 60 * 60 * 1000)
  timer.unref()
  return { sweep, stop: () => clearInterval(timer) }
}
