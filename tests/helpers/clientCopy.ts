import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * A private copy of the built client (dist/client) for one test file's server. Others build
 * into dist/client while long browser tests run; a rebuild in the middle would remove the
 * chunks a page loads later (the report, dialogs) and fail the test for no fault of the product.
 */
export function copyOfClient(): { readonly dir: string; remove(): void } {
  // E2E_CLIENT_DIR: another build to test (e.g. one with a suspected change taken out).
  const source = resolve(process.env.E2E_CLIENT_DIR ?? 'dist/client')
  if (!existsSync(join(source, 'index.html'))) throw new Error(`${source} is not built (npx vite build)`)
  const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-client-'))
  cpSync(source, dir, { recursive: true })
  if (!existsSync(join(dir, 'index.html'))) throw new Error('dist/client changed while it was copied; build again')
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
