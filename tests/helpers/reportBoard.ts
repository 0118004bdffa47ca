import * as Y from 'yjs'
import { addAction } from '../../model/agreements'
import { initBoard } from '../../model/board'
import { createCluster } from '../../model/clusters'
import type { Role } from '../../model/identity'
import { addNote } from '../../model/notes'
import { setPhase, setVotesRevealed } from '../../model/phases'
import { activate } from './board'

export const REPORT_BOARD = 'RePoRtBoArD0123456789a'

/**
 * A finished retrospective, active in the stores: three people joined; Steigen has two clusters
 * (Team with 2 votes, Technik with 5, so Technik comes first although it was made second) and a
 * loose note; Unten halten has one loose note; Einheizen is empty; one action links Technik.
 */
export function reportBoard(role: Role, options: { readonly participantsExport?: boolean } = {}) {
  const doc = new Y.Doc()
  initBoard(doc, {
    title: 'Sprint 42 – Rückblick',
    topic: 'Zusammenarbeit im Team',
    settings: options.participantsExport ? { participantsExport: true } : {},
  })
  const meta = doc.getMap('meta')
  meta.set('date', '2025-01-29')
  const members = doc.getMap('members')
  for (const id of ['p1', 'p2', 'p3']) members.set(id, true)
  const stimmung = addNote(doc, { zone: 'steigen', text: 'Gute Stimmung', author: 'p1' })
  const hilfe = addNote(doc, { zone: 'steigen', text: 'Wir helfen uns', author: 'p2' })
  const pairing = addNote(doc, { zone: 'steigen', text: 'Pairing klappt', author: 'p2' })
  addNote(doc, { zone: 'steigen', text: 'Kaffee', author: 'p3' })
  const meetings = addNote(doc, { zone: 'untenHalten', text: 'Zu viele Meetings', author: 'p1' })
  const team = createCluster(doc, { zone: 'steigen', title: 'Team', noteIds: [stimmung, hilfe] })
  const technik = createCluster(doc, { zone: 'steigen', title: 'Technik', noteIds: [pairing] })
  setPhase(doc, 'massnahmen')
  // What the server writes when the vote ends.
  const votes = doc.getMap('votes')
  votes.set(team, 2)
  votes.set(technik, 5)
  votes.set(meetings, 1)
  setVotesRevealed(doc, true)
  addAction(doc, { what: 'Meetings kürzen', who: 'Anna', until: '2025-02-15', link: technik })
  const participantId = role === 'moderator' ? 'mod-1' : 'p1'
  const stop = activate(doc, { participantId, role })
  return { doc, stop, ids: { stimmung, hilfe, pairing, meetings, team, technik } }
}
