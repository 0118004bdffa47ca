import type { TrashItem } from '../../model/trash'
import { MESSAGE } from '../../protocol/messages'
import { decodeTrashList, decodeTrashOutcome, encodeTrashRequest } from '../../protocol/trash'
import type { TrashOutcome } from '../../protocol/trash'
import type { TestClient } from './clients'
import { waitFor } from './clients'

/** The Papierkorb's messages as a test client sends and reads them (protocol/trash.ts). */
export interface TrashChannel {
  /** Asks for the list; resolves with it, or with the refusal's outcome. */
  list(): Promise<TrashItem[] | TrashOutcome>
  restore(id: string): Promise<TrashOutcome>
  /** Sends raw bytes on the board socket. */
  sendRaw(bytes: Uint8Array): void
}

export function trashChannel(client: TestClient): TrashChannel {
  const replies: Array<TrashItem[] | TrashOutcome> = []
  client.provider.messageHandlers[MESSAGE.trash] = (_e, decoder) => void replies.push(decodeTrashList(decoder))
  client.provider.messageHandlers[MESSAGE.restore] = (_e, decoder) => void replies.push(decodeTrashOutcome(decoder))
  const ask = async (bytes: Uint8Array) => {
    const before = replies.length
    client.provider.ws!.send(bytes)
    await waitFor(() => replies.length > before, 5000, 'trash reply')
    return replies[before]!
  }
  return {
    list: () => ask(encodeTrashRequest({ kind: 'list' })),
    restore: async (id) => (await ask(encodeTrashRequest({ kind: 'restore', id }))) as TrashOutcome,
    sendRaw: (bytes) => client.provider.ws!.send(bytes),
  }
}
