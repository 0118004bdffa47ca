/**
 * A board of 500 notes in the minimal import format (docs/export-format.md): 30 clusters of 10
 * notes and 200 loose notes over the three zones, texts of realistic length. The same file for
 * every run, so cold load, memory and client figures describe the same board.
 */
const ZONES = ['steigen', 'untenHalten', 'einheizen'] as const
const WORDS = [
  'Vernetzung', 'Absprachen', 'kurze', 'Wege', 'Unterstützung', 'Kommune', 'Träger', 'Finanzierung',
  'Personal', 'Zeit', 'Austausch', 'Strukturen', 'Kita', 'Schule', 'Jugendhilfe', 'Gesundheit',
  'Eltern', 'Beteiligung', 'Koordination', 'Netzwerk', 'Planung', 'Daten', 'Bericht', 'Fortbildung',
]

/** The text of note i (0-based), as the board file gives it. */
export function noteText(i: number): string {
  // Deterministic, 6–11 words: about the length of a sticky note written in a meeting.
  const words = Array.from({ length: 6 + (i % 6) }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]!)
  return `${i + 1}. ${words.join(' ')}`
}

export const BOARD_NOTES = 500

export function board500(): object {
  let n = 0
  const zones: Record<string, object[]> = { steigen: [], untenHalten: [], einheizen: [] }
  for (let c = 0; c < 30; c++) {
    zones[ZONES[c % 3]!]!.push({ cluster: `Gruppe ${c + 1}`, votes: 0, notes: Array.from({ length: 10 }, () => noteText(n++)) })
  }
  while (n < BOARD_NOTES) zones[ZONES[n % 3]!]!.push({ cluster: null, votes: 0, notes: [noteText(n++)] })
  return { title: 'Benchmark 500', date: '2026-11-23', topic: 'Last', zones, actions: [] }
}

/** Imports the board through the real endpoint; returns the server's answer. */
export async function importBoard500(http: string): Promise<{ boardId: string; participantUrl: string; moderatorUrl: string; moderatorToken: string }> {
  const res = await fetch(`${http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(board500()),
  })
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`)
  return (await res.json()) as { boardId: string; participantUrl: string; moderatorUrl: string; moderatorToken: string }
}
