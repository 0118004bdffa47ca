import { encodeAuth } from '../../protocol/messages'

/**
 * A WebSocket class whose first message is the credentials (MESSAGE.auth), so that neither the
 * participant secret nor a moderator token is in the URL, where a proxy's access log would keep
 * it. The listener is added in the constructor, before y-websocket sets `onopen`, so the
 * credentials go out before its sync step 1, on every reconnect alike.
 */
// A mixin's base must take any constructor arguments (browser WebSocket or Node's ws).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function authSocket<T extends new (...args: any[]) => { send(data: any): void; addEventListener(type: 'open', listener: () => void): void }>(
  Base: T,
  secret: string,
  moderatorToken: string | null,
): T {
  const credentials = encodeAuth(secret, moderatorToken)
  return class AuthSocket extends Base {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args)
      this.addEventListener('open', () => this.send(credentials))
    }
  }
}
