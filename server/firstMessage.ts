import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { CLOSE, decodeAuth } from '../protocol/messages'
import { joinOf } from './auth'
import type { JoinRequest } from './auth'
import { connectionRefused } from './metrics'
import type { Handshake } from './upgrade'

/** How long an accepted socket may take to send its credentials. */
export const AUTH_TIMEOUT_MS = 10_000

/**
 * What a socket may send between its credentials and the end of its join (while the board loads,
 * before flow control runs): y-websocket sends a sync step 1, its presence and at most its unsent
 * work. More is closed like any other flood (4029), and nothing of it is kept.
 */
export const EARLY_LIMIT = { messages: 32, bytes: 4 * 1024 * 1024 } as const

/**
 * A join whose URL carries no secret: the websocket is accepted, its first message must be the
 * credentials (MESSAGE.auth) and arrive in time, or it is closed with 4403 and nothing of a
 * document is sent. Messages that follow at once (y-websocket's sync step 1 and presence) are
 * kept and handed on with the socket once the join is authorised (`accept` of the handshake).
 */
export function joinByFirstMessage(
  wss: WebSocketServer,
  upgrade: { req: IncomingMessage; socket: Duplex; head: Buffer },
  target: { boardId: string; private: boolean },
  go: (join: JoinRequest, handshake: Handshake) => void,
  timeoutMs = AUTH_TIMEOUT_MS,
): void {
  wss.handleUpgrade(upgrade.req, upgrade.socket, upgrade.head, (ws) => {
    const early: Buffer[] = []
    let earlyBytes = 0
    let joined = false
    const refuse = (reason: string, code: number = CLOSE.forbidden) => {
      connectionRefused(code)
      ws.close(code, reason)
    }
    const timer = setTimeout(() => refuse('Keine Anmeldung'), timeoutMs)
    const onMessage = (data: Buffer) => {
      if (joined) {
        earlyBytes += data.length
        if (early.length < EARLY_LIMIT.messages && earlyBytes <= EARLY_LIMIT.bytes) return void early.push(data)
        early.length = 0
        ws.off('message', onMessage)
        return refuse('Zu viele Nachrichten vor dem Beitritt', CLOSE.tooFast)
      }
      clearTimeout(timer)
      const credentials = decodeAuth(new Uint8Array(data))
      const join = credentials && joinOf(target, credentials.secret, credentials.moderatorToken)
      if (!join) return refuse('Ungültige Anmeldung')
      joined = true
      go(join, openHandshake(ws, onMessage, early))
    }
    ws.on('message', onMessage)
    ws.once('close', () => clearTimeout(timer))
  })
}

/** A handshake over a socket that is open already: accepting replays what arrived meanwhile. */
function openHandshake(ws: WebSocket, buffering: (data: Buffer) => void, early: Buffer[]): Handshake {
  return {
    accept(connected) {
      ws.off('message', buffering)
      if (ws.readyState !== ws.OPEN) return false
      connected(ws)
      for (const data of early.splice(0)) ws.emit('message', data, true)
      return true
    },
    close(code, reason) {
      ws.off('message', buffering)
      connectionRefused(code)
      ws.close(code, reason)
    },
  }
}
