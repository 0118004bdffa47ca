/** One sample of the text format: a metric name, its labels and its value. */
export interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

export interface Exposition {
  /** Declared type per metric family (# TYPE). */
  readonly types: ReadonlyMap<string, string>
  readonly samples: readonly Sample[]
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*'
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`)
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped'])

/**
 * Parses Prometheus' text exposition format (version 0.0.4) strictly: every line must be a
 * comment, a HELP or TYPE line, or a sample; every sample must belong to a declared family.
 * Throws on the first line that is none of these.
 */
export function parsePrometheus(text: string): Exposition {
  const types = new Map<string, string>()
  const samples: Sample[] = []
  text.split('\n').forEach((line, i) => {
    if (line === '') return
    const at = `line ${i + 1}: ${line}`
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type) {
      if (!TYPES.has(type[2]!) || types.has(type[1]!)) throw new Error(`bad or repeated TYPE, ${at}`)
      types.set(type[1]!, type[2]!)
      return
    }
    if (line.startsWith('#')) return
    const m = SAMPLE.exec(line)
    if (!m) throw new Error(`not a sample, ${at}`)
    const labels: Record<string, string> = {}
    const body = m[2] ?? ''
    LABEL.lastIndex = 0
    while (LABEL.lastIndex < body.length) {
      const l = LABEL.exec(body)
      if (!l) throw new Error(`bad labels, ${at}`)
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c))
    }
    // Prometheus reads values with Go's ParseFloat: NaN and Inf in any case (prom-client writes "Nan").
    const raw = m[3]!.toLowerCase()
    const value = raw === 'nan' ? NaN : /^[+-]?inf$/.test(raw) ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw)
    if (Number.isNaN(value) && raw !== 'nan') throw new Error(`bad value, ${at}`)
    const family = m[1]!.replace(/_(bucket|sum|count|total|created)$/, '')
    if (!types.has(m[1]!) && !types.has(family)) throw new Error(`sample without a TYPE, ${at}`)
    samples.push({ name: m[1]!, labels, value })
  })
  return { types, samples }
}

/** The value of the one sample with this name and these labels (0 when there is none). */
export function valueOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  const found = exposition.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)}: ${found.length} samples`)
  return found[0]?.value ?? 0
}
