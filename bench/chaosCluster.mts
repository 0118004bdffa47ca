/**
 * Cluster crash harness, long run: three instances behind nginx on one PostgreSQL and one Redis;
 * clients write through nginx while the board's owner is killed with SIGKILL again and again.
 * After every kill PostgreSQL must hold every acknowledged note exactly once; the time from the
 * kill to the first acknowledgement after it is the failover time. See tests/helpers/clusterChaos.ts.
 *
 *   npm run chaos:cluster                   (KILLS=200, CLIENTS=3, LEASE_MS=1000, SEED=random)
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { startCluster } from '../tests/helpers/cluster'
import { formatClusterResult, runClusterChaos } from '../tests/helpers/clusterChaos'

const kills = Number(process.env.KILLS ?? 200)
const clients = Number(process.env.CLIENTS ?? 3)
const leaseMs = process.env.LEASE_MS ?? '1000'
const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31))
console.log(`seed ${seed} (SEED=${seed} repeats the kill moments)`)

const rig = await startCluster(3, { LEASE_MS: leaseMs, COMPACT_AFTER: '200' })
let failed = true
try {
  const result = await runClusterChaos(rig, {
    faults: Array.from({ length: kills }, () => 'kill-owner' as const),
    seed,
    clients,
    upMs: [200, 1500],
    writeMs: [20, 80],
    log: (line) => console.log(line),
  })
  const table = formatClusterResult(result)
  console.log(table)
  writeFileSync(
    'bench/results/chaos-cluster.md',
    [
      '# Cluster crash harness',
      '',
      `- machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, node ${process.version}`,
      `- date: ${new Date().toISOString()}`,
      `- command: \`KILLS=${kills} CLIENTS=${clients} LEASE_MS=${leaseMs} SEED=${seed} npm run chaos:cluster\``,
      '- three instances behind nginx (deploy/nginx-cluster.conf), one PostgreSQL, one Redis; clients write a note',
      '  every 20–80 ms through nginx; SIGKILL of the board\'s owner 200–1500 ms after the previous recovery.',
      '',
      table,
      '',
      ...result.examples.map((line) => `- ${line}`),
      '',
    ].join('\n'),
  )
  failed = result.lost > 0 || result.duplicated > 0 || result.rejects > 0
} finally {
  await rig.stop()
}
process.exitCode = failed ? 1 : 0
