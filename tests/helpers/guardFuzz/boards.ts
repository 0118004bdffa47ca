import * as Y from 'yjs'
import { addAction, updateAction } from '../../../model/agreements'
import { BERICHT_PARTS, editBerichtPart, startBericht } from '../../../model/bericht'
import type { BerichtPart } from '../../../model/bericht'
import { initBoard, setQuestion, setTitle } from '../../../model/board'
import { BOARD_SCHEMA, PRIVATE_SCHEMA } from '../../../model/changes'
import type { DocSchema } from '../../../model/changes'
import { createCluster } from '../../../model/clusters'
import type { Actor } from '../../../model/identity'
import { addNote, deleteNote, editNoteText, moveNote } from '../../../model/notes'
import { setFocus } from '../../../model/focus'
import { setPhase } from '../../../model/phases'
import type { Phase } from '../../../model/phases'
import { setPerson } from '../../../model/people'
import { renewEntries } from '../../../model/renewal'
import { addDraft, ballotOf, castVote, declarePrivateRoots, deleteDraft, editDraft, moveDraft, setDone } from '../../../model/privateDoc'
import { LOCAL, berichtOf, declareRoots, membersOf, progressOf, votesOf } from '../../../model/schema'
import { setSetting } from '../../../model/settings'
import { startTimer } from '../../../model/timer'
import type { Random } from '../random'

/**
 * Realistic documents for the guard's differential fuzzer, built deterministically from a seed
 * (ids and times come from the seed, not the clock), with the client ids that matter: the actor's
 * own, another participant's, the moderator's and the server's.
 */
export const CLIENTS = { server: 1, own: 1001, other: 1002, moderator: 1003 } as const
export const OWN: Actor = { participantId: 'own-participant', role: 'participant' }
export const OTHER_ID = 'other-participan'
export const MODERATOR: Actor = { participantId: 'the-moderator-id', role: 'moderator' }

export interface FuzzDoc {
  readonly name: string
  readonly schema: DocSchema
  /** The server's copy: the reader reads it, never changed by the fuzzer. */
  readonly doc: Y.Doc
  /** Its state, to make a copy per update. */
  readonly state: Uint8Array
  /** Honest updates from the actor's own client (and the moderator's on the board). */
  readonly honest: readonly Uint8Array[]
  /** Keys seen anywhere in the doc, for parentSub and values. */
  readonly keys: readonly string[]
}

function withSeededRandomness<T>(r: Random, build: () => T): T {
  const crypto = globalThis.crypto as { getRandomValues: <A extends ArrayBufferView>(a: A) => A }
  const original = crypto.getRandomValues
  const now = Date.now
  let time = 1_760_000_000_000
  crypto.getRandomValues = <A extends ArrayBufferView>(a: A): A => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
    for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256)
    return a
  }
  Date.now = () => (time += 1000)
  try {
    return build()
  } finally {
    crypto.getRandomValues = original
    Date.now = now
  }
}

function peer(client: number, declare: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = client
  declare(doc)
  return doc
}

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** Updates `change` makes on a fresh copy of `doc` written by `client`, one per transaction. */
function honestUpdates(doc: Y.Doc, client: number, declare: (doc: Y.Doc) => void, changes: ((d: Y.Doc) => void)[]): Uint8Array[] {
  return changes.map((change) => {
    const copy = new Y.Doc()
    declare(copy)
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    // Set after the sync: Yjs gives a doc a new client id when a remote update brings its own.
    copy.clientID = client
    const sent: Uint8Array[] = []
    copy.on('update', (u: Uint8Array) => sent.push(u))
    change(copy)
    return sent.length === 1 ? sent[0]! : Y.mergeUpdates(sent)
  })
}

function keysOf(doc: Y.Doc): string[] {
  const keys = new Set<string>()
  const walk = (type: { readonly _map: Map<string, Y.Item> }) => {
    for (const [key, item] of type._map) {
      keys.add(key)
      if (item.content instanceof Y.ContentType) walk(item.content.type)
    }
  }
  for (const type of doc.share.values()) walk(type)
  return [...keys]
}

function fuzzDoc(name: string, schema: DocSchema, doc: Y.Doc, honest: Uint8Array[]): FuzzDoc {
  return { name, schema, doc, state: Y.encodeStateAsUpdate(doc), honest, keys: keysOf(doc) }
}

const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>

/**
 * A board in Clustern (or `phase`) with notes of two participants, a cluster, Maßnahmen, a tally,
 * progress, seated members, an institution and the Bericht (participants may write it along: the
 * actor edited one part, the moderator removed another), renewed by the server at the end.
 */
export function fuzzBoard(r: Random, phase: Phase = 'clustern'): FuzzDoc {
  return withSeededRandomness(r, () => {
    const server = peer(CLIENTS.server, declareRoots)
    initBoard(server, { title: 'Fuzz', settings: { privateWriting: false, participantsCluster: true } })
    const own = peer(CLIENTS.own, declareRoots)
    const other = peer(CLIENTS.other, declareRoots)
    const mod = peer(CLIENTS.moderator, declareRoots)
    sync(server, own, other, mod)
    const mine = [addNote(own, { zone: 'steigen', text: 'eigene Notiz', author: OWN.participantId }), addNote(own, { zone: 'einheizen', text: 'zweite', author: OWN.participantId })]
    editNoteText(own, mine[0]!, 'eigene Notiz, geändert')
    const theirs = [0, 1, 2].map((i) => addNote(other, { zone: 'untenHalten', text: `fremde Notiz ${i}`, author: OTHER_ID }))
    deleteNote(other, theirs[2]!)
    sync(server, own, other, mod)
    setTitle(mod, 'Fuzz-Retro')
    setQuestion(mod, 'steigen', 'Was trägt uns?')
    setPhase(mod, 'aufdecken')
    setPhase(mod, 'clustern')
    setSetting(mod, 'votesPerPerson', 4)
    startTimer(mod, 60_000, 1_760_000_000_000)
    const cluster = createCluster(mod, { zone: 'untenHalten', title: 'Gruppe', noteIds: [theirs[0]!, theirs[1]!] })
    setFocus(mod, { kind: 'cluster', id: cluster })
    const action = addAction(mod, { what: 'Pausen einplanen', who: 'Team' })
    updateAction(mod, action, { done: true })
    moveNote(own, mine[1]!, { zone: 'steigen' })
    sync(server, own, other, mod)
    votesOf(server).set(cluster, 3)
    progressOf(server).set(OWN.participantId, { steigen: 1 })
    membersOf(server).set(OWN.participantId, 0)
    membersOf(server).set(OTHER_ID, 1)
    setSetting(mod, 'participantsWriteBericht', true)
    startBericht(mod, DRAFT)
    berichtOf(mod).delete('actions')
    sync(server, own, other, mod)
    editBerichtPart(own, 'fazit', 'Fazit der Gruppe')
    setPerson(own, OWN.participantId, { institution: 'Gemeinde' })
    if (phase !== 'clustern') setPhase(mod, phase)
    sync(server, own, other, mod)
    // The server renews every entry that holds an overwritten value (model/renewal.ts), after
    // the actor made a move it had not yet sent: that move lands in a replaced note.
    const stale = honestUpdates(server, CLIENTS.own, declareRoots, [(d) => moveNote(d, mine[1]!, { zone: 'einheizen' })])
    renewEntries(server, LOCAL, 1, 0)
    const honest = [
      ...stale,
      ...honestUpdates(server, CLIENTS.own, declareRoots, [
        (d) => addNote(d, { zone: 'steigen', text: 'neu', author: OWN.participantId }),
        (d) => editNoteText(d, mine[0]!, 'ganz anders'),
        (d) => moveNote(d, mine[0]!, { zone: 'einheizen' }),
        (d) => deleteNote(d, mine[1]!),
        (d) => {
          const id = addNote(d, { zone: 'steigen', text: 'offline', author: OWN.participantId })
          editNoteText(d, id, 'offline getippt')
          moveNote(d, id, { zone: 'untenHalten' })
          deleteNote(d, mine[1]!)
        },
        (d) => editBerichtPart(d, 'fazit', 'Fazit der ganzen Gruppe'),
        (d) => editBerichtPart(d, 'actions', 'Maßnahmen, neu begonnen'),
      ]),
      ...honestUpdates(server, CLIENTS.moderator, declareRoots, [
        (d) => setPhase(d, 'abstimmen'),
        (d) => setFocus(d, null),
        (d) => updateAction(d, action, { who: 'Alle' }),
        (d) => deleteNote(d, theirs[0]!),
      ]),
    ]
    return fuzzDoc(phase === 'clustern' ? 'board' : `board in ${phase}`, BOARD_SCHEMA, server, honest)
  })
}

/** The actor's private doc while voting: drafts (one deleted), a ballot, the "fertig" mark. */
export function fuzzPrivateDoc(r: Random): FuzzDoc {
  return withSeededRandomness(r, () => {
    const server = peer(CLIENTS.server, declarePrivateRoots)
    const own = peer(CLIENTS.own, declarePrivateRoots)
    const limits = { votesPerPerson: 5, maxVotesPerItem: 3 }
    const drafts = [addDraft(own, { zone: 'steigen', text: 'Entwurf' }), addDraft(own, { zone: 'einheizen', text: 'noch einer' })]
    editDraft(own, drafts[0]!, 'Entwurf, länger')
    deleteDraft(own, drafts[1]!)
    castVote(own, 'target-a', 1, limits)
    castVote(own, 'target-a', 1, limits)
    castVote(own, 'target-b', 1, limits)
    setDone(own, true)
    sync(server, own)
    const honest = honestUpdates(server, CLIENTS.own, declarePrivateRoots, [
      (d) => addDraft(d, { zone: 'untenHalten', text: 'neu' }),
      (d) => moveDraft(d, drafts[0]!, 'untenHalten'),
      (d) => castVote(d, 'target-a', -1, limits),
      (d) => ballotOf(d).delete('target-b'),
      (d) => setDone(d, false),
    ])
    return fuzzDoc('private', PRIVATE_SCHEMA, server, honest)
  })
}
