import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { waitFor } from './clients'

/** The product as `npm start` runs it (without the build): its own process, its own data. */
export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  /** Everything it has written to stdout and stderr so far (its JSON log). */
  output(): string
}

/** Starts server/index.ts on a free loopback port with `env` added; resolves once it listens. */
export async function startServerProcess(dataDir: string, env: Readonly<Record<string, string>> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  await waitFor(() => /"event":"server.listening"/.test(out), 15_000, 'server start')
  const port = Number(/"port":(\d+)/.exec(out)![1])
  return { child, port, output: () => out }
}
