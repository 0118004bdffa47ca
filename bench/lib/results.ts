import { cpus, freemem, loadavg, totalmem } from 'node:os'

/** The servers every scenario runs against, in table order. */
export const SERVERS = ['ballonfahrt', 'y-websocket-server', 'y-websocket-server+leveldb', 'hocuspocus+sqlite'] as const
export type ServerName = (typeof SERVERS)[number]

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly ramGB: number
  readonly node: string
  readonly platform: string
  /** 1-minute load average when the run started (the machine is shared). */
  readonly load1: number
}

export interface Figure {
  readonly name: string
  readonly unit: string
  /** In words, e.g. "≤ y-websocket-server's" or "≥ 20000"; evaluated on ours only. */
  readonly goal?: string
  readonly better: 'lower' | 'higher'
  /** One value per repeat, per server that ran it. */
  readonly values: { [server: string]: number[] }
  /** Whether ours met the goal (set by the scenario when the goal compares with a peer). */
  readonly goalMet?: boolean
}

/** The result file every benchmark script writes to `bench/results/<scenario>.json`. */
export interface ScenarioResult {
  readonly scenario: string
  readonly title: string
  readonly command: string
  readonly date: string
  readonly machine: Machine
  readonly figures: Figure[]
  readonly notes?: string[]
}

export function machine(): Machine {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}

export function memoryFreeGB(): number {
  return Math.round((freemem() / 2 ** 30) * 10) / 10
}

/** The q-quantile of `values` (nearest rank on the sorted copy); NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]!
}

export const median = (values: readonly number[]) => quantile(values, 0.5)

/** Rounds for display: 3 significant digits below 100, whole numbers above. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–'
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 100) return Math.round(value).toLocaleString('en-US')
  if (abs >= 10) return value.toFixed(1)
  if (abs >= 1) return value.toFixed(2)
  return value.toPrecision(2)
}

/** "median (min–max)" of one server's repeats. */
export function cell(values: readonly number[] | undefined): string {
  if (!values || values.length === 0) return '–'
  const finite = values.filter(Number.isFinite)
  if (finite.length === 0) return '–'
  const lo = Math.min(...finite)
  const hi = Math.max(...finite)
  return finite.length === 1 ? fmt(finite[0]!) : `${fmt(median(finite))} (${fmt(lo)}–${fmt(hi)})`
}

/** ours ÷ peer, medians; below 1 is better for "lower" figures, above 1 for "higher". */
export function ratio(figure: Figure, peer: string): number {
  const ours = figure.values.ballonfahrt
  const theirs = figure.values[peer]
  if (!ours?.length || !theirs?.length) return Number.NaN
  const d = median(theirs)
  return d === 0 ? Number.NaN : median(ours) / d
}

/**
 * Whether ours met the figure's goal: the scenario's own verdict when it set one, otherwise a
 * plain threshold goal such as "≤ 350" or ">= 20000" on ours' median; undefined when unknown.
 */
export function goalMet(figure: Figure): boolean | undefined {
  if (figure.goalMet !== undefined) return figure.goalMet
  const ours = figure.values.ballonfahrt
  const match = /^\s*(<=|>=|≤|≥|<|>)\s*([\d.,_]+)/.exec(figure.goal ?? '')
  if (!match || !ours?.length) return undefined
  const limit = Number(match[2]!.replace(/[,_]/g, ''))
  const m = median(ours)
  const op = match[1]!
  return op === '<=' || op === '≤' ? m <= limit : op === '>=' || op === '≥' ? m >= limit : op === '<' ? m < limit : m > limit
}

/** The per-scenario Markdown: one row per figure, one column per server, then ratios. */
export function scenarioMarkdown(result: ScenarioResult): string {
  const servers = serversIn([result])
  const peers = servers.filter((s) => s !== 'ballonfahrt')
  const m = result.machine
  const lines = [
    `# ${result.title}`,
    '',
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node} (${m.platform}); load average at start ${m.load1}`,
    `- date: ${result.date}`,
    `- command: \`${result.command}\``,
    `- cells: median over repeats (min–max); ratio = ours ÷ peer (medians)`,
    '',
    `| figure | unit | ${servers.join(' | ')} | ${peers.map((p) => `ours/${p}`).join(' | ')} | goal | met |`,
    `|${'---|'.repeat(2 + servers.length + peers.length + 2)}`,
  ]
  for (const f of result.figures) {
    const met = goalMet(f)
    lines.push(
      `| ${f.name} | ${f.unit} | ${servers.map((s) => cell(f.values[s])).join(' | ')} | ${peers.map((p) => fmt(ratio(f, p))).join(' | ')} | ${f.goal ?? ''} | ${met === undefined ? '' : met ? 'yes' : '**no**'} |`,
    )
  }
  if (result.notes?.length) lines.push('', ...result.notes.map((n) => `- ${n}`))
  return lines.join('\n') + '\n'
}

export function serversIn(results: readonly ScenarioResult[]): string[] {
  const seen = new Set<string>()
  for (const r of results) for (const f of r.figures) for (const s of Object.keys(f.values)) seen.add(s)
  const known: string[] = SERVERS.filter((s) => seen.has(s))
  return [...known, ...[...seen].filter((s) => !known.includes(s))]
}

/** Checks that a parsed JSON file has the shared result shape; returns what is wrong. */
export function shapeProblems(value: unknown): string[] {
  const problems: string[] = []
  const r = value as Partial<ScenarioResult> | null
  if (typeof r !== 'object' || r === null) return ['not an object']
  for (const key of ['scenario', 'title', 'command', 'date'] as const) if (typeof r[key] !== 'string') problems.push(`${key} is not a string`)
  if (typeof r.machine !== 'object' || r.machine === null) problems.push('machine missing')
  if (!Array.isArray(r.figures)) return [...problems, 'figures is not an array']
  r.figures.forEach((f: Partial<Figure>, i) => {
    if (typeof f.name !== 'string' || typeof f.unit !== 'string') problems.push(`figures[${i}] name/unit`)
    if (f.better !== 'lower' && f.better !== 'higher') problems.push(`figures[${i}].better`)
    if (typeof f.values !== 'object' || f.values === null) problems.push(`figures[${i}].values`)
    else
      for (const [s, v] of Object.entries(f.values))
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'number')) problems.push(`figures[${i}].values.${s} is not number[]`)
  })
  return problems
}
