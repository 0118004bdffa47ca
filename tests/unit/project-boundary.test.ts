import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapes, scanText } from '../helpers/boundary'

/**
 * A fresh clone must build and pass its tests with nothing beside it: no project file may read a
 * path outside the project (the team's shared folder, this machine's home or work folders).
 */
const ROOT = resolve(import.meta.dirname, '../..')
/** Generated or installed, not the project's own text. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'test-results', 'tmp', '.git'])
/** The lockfile lists packages only; the scanner and this test hold examples of what they catch. */
const SKIP_FILES = new Set(['package-lock.json', 'boundary.ts', 'project-boundary.test.ts'])
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|json|ya?ml|sh|service|conf|html|css|md)$|(^|\/)(Dockerfile|Caddyfile|run|\.npmrc|\.gitignore)$/

function projectFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) projectFiles(join(dir, entry.name), out)
    } else if (TEXT.test(entry.name) && !SKIP_FILES.has(entry.name)) {
      out.push(join(dir, entry.name))
    }
  }
  return out
}

describe('the project reads nothing outside itself', () => {
  const files = projectFiles(ROOT)

  it('finds the sources to scan', () => {
    const names = files.map((f) => relative(ROOT, f))
    expect(names).toContain(join('tests', 'helpers', 'e2e.ts'))
    expect(names).toContain(join('server', 'index.ts'))
    expect(names).toContain(join('.ci', 'run'))
    expect(files.length).toBeGreaterThan(200)
  })

  it('no file names a path that leaves the project', () => {
    const problems = files.flatMap((file) =>
      scanText(readFileSync(file, 'utf8'), relative(ROOT, dirname(file)) || '.').map((p) => `${relative(ROOT, file)}:${p}`),
    )
    expect(problems).toEqual([])
  })

  it('the scan catches the escapes it is meant to catch', () => {
    // What tests/helpers/e2e.ts once did, read from the working directory (the project root).
    expect(scanText(`readFileSync('../shared/fixtures/board.json', 'utf8')`, 'tests/helpers')).toHaveLength(1)
    expect(scanText(`import x from '../../../outside/x'`, 'tests/unit')).toHaveLength(1)
    expect(scanText(`new URL('../../../x.json', import.meta.url)`, 'tests/unit')).toHaveLength(1)
    expect(scanText(`join(root, '..', 'shared', 'x')`, '.')).toHaveLength(1)
    expect(scanText(`const home = '/root/.cache/x'`, '.')).toHaveLength(1)
    expect(scanText(`cp /work/shared/x .`, '.')).toHaveLength(1)
    // …and lets the project's own references through.
    expect(scanText(`import { x } from '../../model/ids'`, 'tests/unit')).toEqual([])
    expect(scanText(`new URL('../../server/demo/a.json', import.meta.url)`, 'tests/helpers')).toEqual([])
    expect(escapes('tests/helpers', '../../server')).toBe(false)
    expect(escapes('.', '../x')).toBe(true)
    expect(sep).toBe('/')
  })
})
