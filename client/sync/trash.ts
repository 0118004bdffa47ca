import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE } from '../../protocol/messages'
import { decodeTrashList, decodeTrashOutcome, encodeTrashRequest } from '../../protocol/trash'
import { receiveTrashList, receiveTrashOutcome, setTrashChannel } from '../store/trash'

/** The Papierkorb's messages on the board's provider (protocol/trash.ts), into store/trash.ts. */
export function bindTrash(provider: WebsocketProvider): () => void {
  provider.messageHandlers[MESSAGE.trash] = (_encoder, decoder) => receiveTrashList(decodeTrashList(decoder))
  provider.messageHandlers[MESSAGE.restore] = (_encoder, decoder) => receiveTrashOutcome(decodeTrashOutcome(decoder))
  setTrashChannel((request) => {
    const ws = provider.ws
    if (!ws || !provider.wsconnected) return false
    ws.send(encodeTrashRequest(request))
    return true
  })
  return () => setTrashChannel(null)
}
