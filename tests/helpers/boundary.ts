import { normalize, posix } from 'node:path'

/** Whether `path`, taken relative to `fromDir` (both relative to the project root), leaves the project. */
export function escapes(fromDir: string, path: string): boolean {
  const resolved = normalize(posix.join(fromDir, path))
  return resolved === '..' || resolved.startsWith('../')
}

/** Absolute paths that exist only on a developer's or this machine, never in a clone. */
const MACHINE_PATHS = /(?<![\w.~-])\/(work|root|home)\/[\w.-]/g
/** A quoted relative path climbing out of its folder: '../x', "../../y/z". Globs are patterns, not paths. */
const UP_LITERAL = /(['"`])((?:\.\.\/)+[\w@.-][^'"`*\s]*)\1/g
/** path.join-style segments that step out and into the team's shared folder. */
const UP_SEGMENTS = /['"]\.\.['"]\s*,\s*['"]shared['"]/g
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bmock\s*\(\s*)$/

/**
 * Problems in one file's text, as "line: what". `dir` is the file's folder relative to the root.
 * A module specifier or a path read with `import.meta.url` is relative to the file's folder; any
 * other relative path is read from the working directory, which is the project root.
 */
export function scanText(text: string, dir: string): string[] {
  const problems: string[] = []
  text.split('\n').forEach((line, i) => {
    const at = `${i + 1}`
    for (const m of line.matchAll(MACHINE_PATHS)) problems.push(`${at}: machine path ${m[0]}…`)
    for (const _m of line.matchAll(UP_SEGMENTS)) problems.push(`${at}: joins '..' and 'shared'`)
    for (const m of line.matchAll(UP_LITERAL)) {
      const path = m[2]!
      const before = line.slice(0, m.index)
      const fileRelative = SPECIFIER.test(before) || line.includes('import.meta.url') || line.includes('import.meta.dirname')
      const out = fileRelative ? escapes(dir, path) : escapes(dir, path) || escapes('.', path)
      if (out) problems.push(`${at}: ${path} leaves the project`)
    }
  })
  return problems
}
