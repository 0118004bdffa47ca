import { readFileSync } from 'node:fs'

/** When a start is given up: after `graceMs` at the earliest, once the process used no CPU for `idleMs`; after `capMs` at the latest. */
export const START = { graceMs: 20_000, idleMs: 10_000, capMs: 180_000 } as const

/**
 * Waits until a starting process is `ready`. On a machine short of CPU a start just takes longer,
 * and one that hangs stops using CPU: so the start is given up when it has taken START.graceMs
 * and used no CPU for the last START.idleMs (read from /proc), or at START.capMs, not after a
 * fixed time that a loaded machine may need.
 */
export async function waitForStart(pid: number | undefined, ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const start = Date.now()
  let cpu = cpuTicks(pid)
  let busyAt = start
  while (!(await ready())) {
    const now = Date.now()
    const used = cpuTicks(pid)
    if (used !== cpu) [cpu, busyAt] = [used, now]
    const idle = now - start > START.graceMs && now - busyAt > START.idleMs
    if (idle || now - start > START.capMs) throw new Error(`timed out waiting for ${what} (${Math.round((now - start) / 1000)} s, ${idle ? `no CPU used for ${START.idleMs / 1000} s` : 'at the cap'})`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** CPU ticks (user + system) a process has used, from /proc; -1 when it is gone. */
function cpuTicks(pid: number | undefined): number {
  if (pid === undefined) return -1
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return -1
  }
}
