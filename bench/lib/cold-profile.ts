import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children?: readonly number[]
}

/**
 * Self and total time per function of a V8 .cpuprofile (what `node --cpu-prof` writes), the
 * top `top` by self time: "self ms  total ms  function (file:line)".
 */
export function topFunctions(file: string, top = 15): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^file:\/\//, '')
    return `${n.callFrame.functionName || '(anonymous)'} (${url ? `${relative(process.cwd(), url)}:${n.callFrame.lineNumber + 1}` : 'native'})`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const leaf = byId.get(id)
    if (!leaf) return
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + ms)
    const seen = new Set<string>()
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = key(n)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + ms)
    }
  })
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms self ${(total.get(k) ?? 0).toFixed(0).padStart(6)} ms total  ${k}`)
}


/** The heaviest call paths (leaf first, `depth` frames up), by sampled time, project frames only. */
export function hotStacks(file: string, top = 8, depth = 8): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const frame = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}@${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`
  const stacks = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const chain: string[] = []
    for (let n = byId.get(id); n && chain.length < depth; n = byId.get(parent.get(n.id) ?? -1)) chain.push(frame(n))
    // Idle time, the module loader and the garbage collector are not the server's work.
    if (!chain[0] || /^\((idle|program|garbage collector)\)/.test(chain[0]) || chain.some((c) => c.includes('esm/') || c.includes('tsx/'))) return
    const key = chain.join(' < ')
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...stacks]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(0)} ms  ${k}`)
}
