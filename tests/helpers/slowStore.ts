import type { BoardStore } from '../../server/store/BoardStore'
import { SqliteBoardStore } from '../../server/store/sqlite'

/**
 * The SQLite store with every append held back for `delayMs` before it is written, so that a
 * test can tell "acknowledged after the commit" from "acknowledged when received".
 */
export class SlowStore extends SqliteBoardStore {
  private held = new Set<Promise<unknown>>()

  constructor(
    dataDir: string,
    private readonly delayMs: number,
  ) {
    super(dataDir)
  }

  override append(id: string, update: Uint8Array, onCommitted?: (seq: number) => void): Promise<number> {
    const written = new Promise<void>((r) => setTimeout(r, this.delayMs)).then(() => super.append(id, update, onCommitted))
    this.held.add(written)
    void written.finally(() => this.held.delete(written))
    return written
  }

  override async committed(): Promise<void> {
    while (this.held.size > 0) await Promise.allSettled([...this.held])
    await super.committed()
  }

  override async flushed(): Promise<void> {
    while (this.held.size > 0) await Promise.allSettled([...this.held])
    await super.flushed()
  }
}

export function slowStore(delayMs: number): (dataDir: string) => BoardStore {
  return (dataDir) => new SlowStore(dataDir, delayMs)
}
