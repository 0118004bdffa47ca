import type { Pool } from '../load/pool'
import type { RunningServer } from '../peers/servers'
import type { Figure, ServerName } from '../lib/results'

/** What a scenario run gets: the generator pool, one started server, and the set's size. */
export interface RunContext {
  readonly pool: Pool
  readonly server: RunningServer
  readonly quick: boolean
  /**
   * Timed windows in this run, each giving one value per figure. The quick set measures 3
   * windows on one server process (setting up 1,000 clients once); the full set starts a fresh
   * process for each of its repeats, with 1 window each.
   */
  readonly windows: number
  log(message: string): void
  /** Records a window that could not be measured (it goes into the result's notes). */
  fail(message: string): void
}

/** A figure before it has values. */
export type FigureSpec = Omit<Figure, 'values' | 'goalMet'>

export interface Scenario {
  readonly id: string
  readonly title: string
  readonly figures: FigureSpec[]
  /** Run once per benchmark before the repeats (e.g. to build a seed document). */
  prepare?(quick: boolean, servers: readonly ServerName[]): Promise<void>
  /** One run against one server: figure name -> one value per window (NaN: not measured). */
  run(ctx: RunContext): Promise<Record<string, number[]>>
  /** Sets goalMet on figures whose goal compares ours with a peer. */
  judge?(figures: Figure[]): Figure[]
  /** Notes for the result file (what was simulated, caveats). */
  notes(quick: boolean): string[]
}
