import { MESSAGE, SYNC_STEP2, SYNC_UPDATE } from '../../protocol/messages'

/**
 * A WebSocket class for y-websocket that holds back document updates on a new connection until
 * this socket has sent its sync step 2, and shows every message it does send to `onSend`.
 *
 * y-websocket sends a local change as soon as the socket is open, before the server's sync
 * step 1 has arrived and been answered. After a crash that lost changes the server had not yet
 * committed, or after working offline, such an update continues structs the server does not
 * have: the guard refuses it ("missing") and closes with 4422, and the client drops its local
 * copy — unsaved notes included (found by the crash harness, tests/helpers/chaos.ts). Dropping
 * the update loses nothing: the sync step 2 that follows is computed later from the whole doc
 * against the server's state vector, so it carries the change.
 */
// A mixin's base must take any constructor arguments (browser WebSocket or Node's ws).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function gatedSocket<T extends new (...args: any[]) => { send(data: any, ...rest: any[]): void }>(
  Base: T,
  onSend: (message: Uint8Array) => void,
): T {
  return class GatedSocket extends Base {
    private answered = false

    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array && data.length >= 2 && data[0] === MESSAGE.sync) {
        if (data[1] === SYNC_UPDATE && !this.answered) return
        if (data[1] === SYNC_STEP2) this.answered = true
      }
      if (data instanceof Uint8Array) onSend(data)
      super.send(data, ...rest)
    }
  }
}
