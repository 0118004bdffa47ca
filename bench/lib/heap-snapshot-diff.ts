import { readFileSync } from 'node:fs'

/**
 * Self size per constructor (V8 heap snapshot "name" of object nodes, "(type)" for the rest) of
 * one .heapsnapshot file: enough to see what a heap delta consists of without DevTools.
 */
export function sizesByConstructor(file: string): Map<string, { count: number; bytes: number }> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
    nodes: number[]
    strings: string[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const out = new Map<string, { count: number; bytes: number }>()
  const nodes = snapshot.nodes
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!] ?? '?'
    const key = type === 'object' || type === 'closure' ? `${snapshot.strings[nodes[i + nameAt]!] ?? '?'}${type === 'closure' ? '()' : ''}` : `(${type})`
    const entry = out.get(key) ?? { count: 0, bytes: 0 }
    entry.count++
    entry.bytes += nodes[i + sizeAt]!
    out.set(key, entry)
  }
  return out
}

/** The constructors that grew most from `before` to `after`: "name +count +KB" lines. */
export function growth(before: string, after: string, top = 12): string[] {
  const a = sizesByConstructor(before)
  const b = sizesByConstructor(after)
  const rows = [...b].map(([name, { count, bytes }]) => {
    const old = a.get(name) ?? { count: 0, bytes: 0 }
    return { name, count: count - old.count, bytes: bytes - old.bytes }
  })
  return rows
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top)
    .map((r) => `${r.name} ${r.count >= 0 ? '+' : ''}${r.count} objects, ${r.bytes >= 0 ? '+' : ''}${(r.bytes / 1024).toFixed(0)} KB`)
}
