import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export interface ScriptResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** The built server's files; `npm test` builds them first (`npm run build`). */
export function requireBuild(): void {
  if (!existsSync(resolve('dist/server/index.js'))) throw new Error('dist/server is missing: run `npm run build` (npm test does it first)')
}

/**
 * Runs `npm run <script> -- <args>` in the project, as an operator types it, without blocking
 * this process's event loop (a server in this process keeps serving meanwhile).
 */
export function npmScript(script: string, args: readonly string[], env: Record<string, string>, timeoutMs = 30_000): Promise<ScriptResult> {
  requireBuild()
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`npm run ${script} took over ${timeoutMs} ms:\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('error', fail)
    child.on('exit', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}
