import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { participantIdOf } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { MESSAGE } from '../../protocol/messages'
import { syncUpdate } from '../helpers/abuse'
import { captureOne } from '../helpers/peers'
import { waitFor } from '../helpers/clients'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'

const kit = useServerKit()

describe('Yjs client ids', () => {
  it('nobody can write under another participant\'s client id: the offline change of its owner survives, and everyone converges', async () => {
    const server = await kit.start()
    const board = await createBoard(server, OPEN_BOARD)
    const victim = kit.connect(board.boardId)
    const reader = kit.connect(board.boardId)
    await Promise.all([victim.synced(), reader.synced()])
    addNote(victim.doc, { zone: 'steigen', text: 'online geschrieben', author: victim.actor.participantId })
    await victim.settled()

    // The victim goes offline and writes; its next clock is now taken locally.
    victim.provider.disconnect()
    addNote(victim.doc, { zone: 'steigen', text: 'offline geschrieben', author: victim.actor.participantId })

    // The attacker knows the victim's client id (presence and the doc show it) and writes there first.
    const room = await kit.room(board.boardId)
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(room.doc))
    forged.clientID = victim.doc.clientID
    const attackerSecret = newSecretId()
    const update = captureOne(forged, () => addNote(forged, { zone: 'steigen', text: 'untergeschoben', author: participantIdOf(attackerSecret) }))
    const attacker = kit.join(board.boardId, { secret: attackerSecret })
    await attacker.opened
    attacker.ws.send(syncUpdate(update))
    expect((await attacker.closed).code).toBe(4422)
    const reject = attacker.frames.find((f) => f[0] === MESSAGE.reject)
    expect(reject && new TextDecoder().decode(reject.subarray(3))).toBe('clientId')

    victim.provider.connect()
    await victim.settled()
    await waitFor(() => toBoardView(reader.doc).noteCount === 2, 3000, 'offline note arrives')
    const texts = (doc: Y.Doc) => toBoardView(doc).zones.steigen.notes.map((n) => n.text).sort()
    expect(texts(reader.doc)).toEqual(['offline geschrieben', 'online geschrieben'])
    expect(texts(victim.doc)).toEqual(texts(reader.doc))
  })
})
