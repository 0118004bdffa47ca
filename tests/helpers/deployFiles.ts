import { readFileSync } from 'node:fs'
import { OPERATOR_VARIABLES } from '../../server/operator'

/** One Dockerfile instruction: the stage it is in (index of its FROM), its keyword and its text. */
export interface Instruction {
  readonly stage: number
  readonly keyword: string
  readonly args: string
}

/** The instructions of a Dockerfile, continuation lines joined, comments dropped. */
export function dockerInstructions(text: string): Instruction[] {
  const out: Instruction[] = []
  let stage = -1
  const joined = text.replace(/\\\n/g, ' ')
  for (const raw of joined.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const [keyword = '', ...rest] = line.split(/\s+/)
    if (keyword.toUpperCase() === 'FROM') stage++
    out.push({ stage, keyword: keyword.toUpperCase(), args: rest.join(' ') })
  }
  return out
}

/** The command of an exec-form (["a", "b"]) or shell-form instruction, as one line. */
export function commandOf(args: string): string {
  const exec = /\[.*\]$/.exec(args)
  return exec ? (JSON.parse(exec[0]) as string[]).join(' ') : args
}

/** KEY=value pairs of an ENV instruction or a systemd Environment= line. */
export function assignments(args: string): Map<string, string> {
  return new Map([...args.matchAll(/([A-Z_][A-Z0-9_]*)=(\S*)/g)].map((m) => [m[1]!, m[2]!]))
}

/** `Key=value` lines of a systemd unit (a key may repeat). */
export function unitSettings(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('[') && l.includes('='))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string])
}

/**
 * The environment variables the server and its commands read: `env.NAME` and `int(env, 'NAME', …)`
 * in the sources, and the operator's details.
 */
export function serverVariables(): Set<string> {
  const names = new Set(OPERATOR_VARIABLES)
  for (const file of ['server/config.ts', 'server/healthcheck.ts']) {
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(/\benv\.([A-Z_][A-Z0-9_]*)/g)) names.add(m[1]!)
    for (const m of source.matchAll(/\bint\(env, '([A-Z_][A-Z0-9_]*)'/g)) names.add(m[1]!)
  }
  return names
}

/** The server's default port, read from server/config.ts. */
export function defaultPort(): string {
  const m = /int\(env, 'PORT', (\d+)\)/.exec(readFileSync('server/config.ts', 'utf8'))
  if (!m) throw new Error('server/config.ts: no PORT default found')
  return m[1]!
}

/** The bundles `npm run build` writes into dist/server (scripts/build-server.mjs). */
export function serverEntries(): string[] {
  const m = /const ENTRIES = \[([^\]]*)\]/.exec(readFileSync('scripts/build-server.mjs', 'utf8'))
  if (!m) throw new Error('scripts/build-server.mjs: no ENTRIES found')
  return [...m[1]!.matchAll(/'([^']+)'/g)].map((e) => `dist/server/${e[1]}.js`)
}
