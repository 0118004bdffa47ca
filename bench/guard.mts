/**
 * What the guard costs per update: describe + check (without applying) on a board of N notes,
 * for the updates a meeting is made of. Prints µs per update (median of repeated runs), as CPU
 * time of this process (user + system): on a shared machine wall time mostly measures how long
 * the process waited for a core.
 *
 *   npm run bench:guard            (NOTES=500)
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import * as Y from 'yjs'
import { initBoard } from '../model/board'
import { createCluster } from '../model/clusters'
import { addNote, editNoteText, moveNote } from '../model/notes'
import { inspectUpdate } from '../server/guard'

const notes = Number(process.env.NOTES ?? 500)
const server = new Y.Doc()
initBoard(server, { title: 'Bench', settings: { privateWriting: false } })
const author = 'participant-0001'
const ids: string[] = []
for (let i = 0; i < notes; i++) ids.push(addNote(server, { zone: i % 2 ? 'steigen' : 'einheizen', text: `Notiz Nummer ${i}`, author }))
const actor = { participantId: author, role: 'participant' as const }
const moderator = { participantId: 'mod', role: 'moderator' as const }

function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  let update: Uint8Array = new Uint8Array()
  client.on('update', (u: Uint8Array) => (update = u))
  change(client)
  return update
}

const cases: [string, typeof actor | typeof moderator, Uint8Array][] = [
  ['add a note', actor, updateOf((d) => addNote(d, { zone: 'steigen', text: 'Neue Notiz mit etwas Text', author }))],
  ['edit a note (one word)', actor, updateOf((d) => editNoteText(d, ids[7]!, 'Notiz Nummer 7 geändert'))],
  ['move a note', actor, updateOf((d) => moveNote(d, ids[9]!, { zone: 'untenHalten' }))],
  ['cluster three notes (moderator)', moderator, updateOf((d) => void createCluster(d, { zone: 'steigen', noteIds: ids.slice(0, 3) }))],
]

const rows: string[] = []
for (const [name, who, update] of cases) {
  const runs: number[] = []
  for (let r = 0; r < 7; r++) {
    const n = 2000
    const start = process.cpuUsage()
    for (let i = 0; i < n; i++) {
      const verdict = inspectUpdate(server, who, update)
      if (!verdict.ok) throw new Error(`${name}: ${JSON.stringify(verdict)}`)
    }
    const used = process.cpuUsage(start)
    runs.push((used.user + used.system) / n)
  }
  runs.sort((a, b) => a - b)
  rows.push(`| ${name} | ${update.length} | ${runs[3]!.toFixed(1)} | ${runs[0]!.toFixed(1)}–${runs[6]!.toFixed(1)} |`)
}
const table = [
  `# Guard cost per update`,
  ``,
  `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  `- date: ${new Date().toISOString()}`,
  `- command: \`NOTES=${notes} npm run bench:guard\` (board of ${notes} notes; describe + check, not apply)`,
  ``,
  `| update | bytes | median CPU µs | range CPU µs (7 runs × 2000) |`,
  `|---|---|---|---|`,
  ...rows,
  ``,
].join('\n')
console.log(table)
writeFileSync('bench/results/guard.md', table)
