import type { Pool } from '../load/pool'
import type { RunningServer } from '../peers/servers'
import type { Figure, ServerName } from '../lib/results'

/** What a scenario run gets: the generator pool, one started server, and the set's size. */
export interface RunContext {
  readonly pool: Pool
  readonly server: RunningServer
  readonly quick: boolean
  log(message: string): void
}

/** A figure before it has values. */
export type FigureSpec = Omit<Figure, 'values' | 'goalMet'>

export interface Scenario {
  readonly id: string
  readonly title: string
  readonly figures: FigureSpec[]
  /** Run once per benchmark before the repeats (e.g. to build a seed document). */
  prepare?(quick: boolean, servers: readonly ServerName[]): Promise<void>
  /** One repeat against one server: figure name -> value (NaN when it could not be measured). */
  run(ctx: RunContext): Promise<Record<string, number>>
  /** Sets goalMet on figures whose goal compares ours with a peer. */
  judge?(figures: Figure[]): Figure[]
  /** Notes for the result file (what was simulated, caveats). */
  notes(quick: boolean): string[]
}
