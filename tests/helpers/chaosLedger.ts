import type { ChaosWriter, Tally } from './chaos'

/**
 * What a chaos run keeps over all its boards: the writers (the current board's and those of
 * earlier boards), and every acknowledged note found lost or duplicated, each counted once, with
 * the first few as examples. The single-server run (chaos.ts) and the cluster run
 * (clusterChaos.ts) differ in their faults and in where they read the stored notes, not in this.
 */
export class ChaosLedger {
  readonly boards: string[] = []
  readonly lost = new Set<string>()
  readonly duplicated = new Set<string>()
  readonly examples: string[] = []
  private retired: ChaosWriter[] = []
  private current: ChaosWriter[] = []

  /** The current board's writers. */
  get writers(): readonly ChaosWriter[] {
    return this.current
  }

  /** Ends the current board's writers and starts `count` on `boardId`, named b<board>c<i>. */
  startBoard(boardId: string, count: number, writer: (name: string) => ChaosWriter): void {
    for (const w of this.current) w.destroy()
    this.retired.push(...this.current)
    this.boards.push(boardId)
    this.current = Array.from({ length: count }, (_, i) => writer(`b${this.boards.length}c${i}`))
  }

  all(): readonly ChaosWriter[] {
    return [...this.retired, ...this.current]
  }

  written(writers: readonly ChaosWriter[] = this.all()): number {
    return writers.reduce((n, w) => n + w.written.length, 0)
  }

  acknowledged(): number {
    return this.all().reduce((n, w) => n + w.acknowledged.size, 0)
  }

  acknowledgedOf(boardId: string): string[] {
    return this.all()
      .filter((w) => w.boardId === boardId)
      .flatMap((w) => [...w.acknowledged])
  }

  rejects(): number {
    return this.all().reduce((n, w) => n + w.rejects.length, 0)
  }

  /** Notes what a comparison found; `when` says at which point of the run. */
  record(t: Tally, when: string): void {
    this.note(this.lost, 'lost', t.lost, when)
    this.note(this.duplicated, 'duplicated', t.duplicated, when)
  }

  example(line: string): void {
    if (this.examples.length < 10) this.examples.push(line)
  }

  /** How often each close code was seen: `drops` of open connections, or every `closes`. */
  codes(which: 'drops' | 'closes'): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const code of this.all().flatMap((w) => w[which])) counts[code] = (counts[code] ?? 0) + 1
    return counts
  }

  /** A summary line for the run's log. */
  progress(): string {
    return `written ${this.written()}, acknowledged ${this.acknowledged()}, lost ${this.lost.size}, duplicated ${this.duplicated.size}`
  }

  destroy(): void {
    for (const w of this.current) w.destroy()
  }

  private note(set: Set<string>, what: string, texts: readonly string[], when: string): void {
    for (const text of texts) {
      if (set.has(text)) continue
      set.add(text)
      this.example(`${what} ${text} (${when})`)
    }
  }
}

/** The q-quantile of `values` (nearest rank), NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

/** Rows as a two-column Markdown table. */
export function markdownTable(rows: ReadonlyArray<readonly [string, string]>): string {
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
}
