import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** WAL frames (pages) beyond which the writer's own thread checkpoints once (see below). */
export const WAL_FRAMES_LIMIT = 16_384

/**
 * Copies the WAL into the database file from a worker thread, on its own connection. SQLite
 * would otherwise do it inside a commit on the main thread every 1,000 pages, with two fsyncs
 * (tens to hundreds of milliseconds on a busy disk), and every client would wait through it. A
 * PASSIVE checkpoint never blocks the writer. The WAL starts over at the first write after a
 * checkpoint that copied everything; under writes without a pause, each checkpoint ends with
 * new frames already behind it and the file keeps growing. Past WAL_FRAMES_LIMIT (64 MB of
 * 4 KB pages) `overgrown` is called so that the writer checkpoints once itself, which lets the
 * next write start the WAL over.
 */
export class Checkpointer {
  private readonly worker: Worker
  private running = false
  private stopped = false
  private readonly timer: NodeJS.Timeout
  /** Commits since the last checkpoint started. */
  private pending = false

  constructor(
    file: string,
    private readonly overgrown: () => void,
    intervalMs = 1000,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver } })
    this.worker.unref()
    this.worker.on('message', (result: { log?: number } | null) => {
      this.running = false
      if (!this.stopped && (result?.log ?? 0) > WAL_FRAMES_LIMIT) this.overgrown()
    })
    // A failing checkpoint leaves the WAL growing, nothing lost; SQLite checkpoints at close.
    this.worker.on('error', () => {
      this.stopped = true
    })
    this.timer = setInterval(() => this.run(), intervalMs)
    this.timer.unref()
  }

  /** Notes that something was committed since. */
  committed(): void {
    this.pending = true
  }

  private run(): void {
    if (this.stopped || this.running || !this.pending) return
    this.pending = false
    this.running = true
    this.worker.postMessage('checkpoint')
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.worker.terminate()
  }
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
parentPort.on('message', () => {
  let result = null
  try { result = db.pragma('wal_checkpoint(PASSIVE)')[0] } catch (error) { result = { error: String(error) } }
  parentPort.postMessage(result)
})
`
