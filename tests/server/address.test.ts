import { describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { metaOf } from '../../model/schema'
import { readSettings } from '../../model/settings'
import { MESSAGE } from '../../protocol/messages'
import { syncUpdate } from '../helpers/abuse'
import type { Credentials } from '../helpers/abuse'
import { waitFor } from '../helpers/clients'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'
import * as Y from 'yjs'

/**
 * The board's "Anrede" (setting.address) through the real server and guard: only the moderator
 * changes it, only to "sie" or "du"; a participant's try is refused and changes nothing.
 */
const kit = useServerKit()

async function boardAddress(board: CreatedBoard): Promise<unknown> {
  const room = await kit.room(board.boardId)
  return readSettings(metaOf(room.doc)).address
}

/** Sends `setting.address = value` as a change on a synced copy of the board; returns 'ack' or the reject code. */
async function sendAddress(board: CreatedBoard, value: unknown, credentials: Credentials): Promise<string> {
  const copy = kit.connect(board.boardId)
  await copy.synced()
  const before = Y.encodeStateVector(copy.doc)
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(copy.doc))
  metaOf(scratch).set('setting.address', value)
  const update = Y.encodeStateAsUpdate(scratch, before)
  const socket = kit.join(board.boardId, credentials)
  await socket.opened
  socket.ws.send(syncUpdate(update))
  const answered = () => socket.frames.find((f) => f[0] === MESSAGE.ack || f[0] === MESSAGE.reject)
  await waitFor(() => answered() !== undefined, 5000, 'ack or reject')
  const answer = answered()!
  return answer[0] === MESSAGE.ack ? 'ack' : new TextDecoder().decode(answer.subarray(3))
}

describe('the board setting "Anrede"', () => {
  it('is "Sie" on a new board, and a participant cannot change it', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Netzwerktreffen' })
    expect(await boardAddress(board)).toBe('sie')
    expect(await sendAddress(board, 'du', { secret: newSecretId() })).toBe('notAllowed')
    expect(await boardAddress(board)).toBe('sie')
  })

  it('the moderator sets "du" and every client sees it; another form is refused', async () => {
    const server = await kit.start()
    const board = await createBoard(server, { title: 'Netzwerktreffen' })
    const moderator = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
    const participant = kit.connect(board.boardId)
    await Promise.all([moderator.synced(), participant.synced()])
    metaOf(moderator.doc).set('setting.address', 'du')
    await moderator.settled()
    await waitFor(() => readSettings(metaOf(participant.doc)).address === 'du', 5000, 'the participant sees "du"')
    expect(await boardAddress(board)).toBe('du')
    expect(await sendAddress(board, 'ihr', { secret: newSecretId(), moderatorToken: board.moderatorToken })).toBe('invalid')
    expect(await boardAddress(board)).toBe('du')
  })
})
