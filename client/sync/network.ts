import type { WebsocketProvider } from 'y-websocket'

/**
 * Follows the browser's own word on the network. When it goes offline, the provider is
 * disconnected at once and `onOffline` runs: the page says "offline" right away instead of
 * "verbunden" until a socket times out. When the network is back, a provider we disconnected
 * connects again (one closed for good by the server, e.g. a deleted board, stays closed).
 *
 * Where the browser does not notice (a dead Wi-Fi behind a live one), y-websocket's watchdog is
 * the heartbeat: a board socket hears the server's presence echo at least every 15 s, and one
 * silent for 30 s is closed and counts as lost.
 */
export function followNetwork(provider: WebsocketProvider, onOffline: () => void, target: Window = window): () => void {
  let pausedByUs = false
  const offline = () => {
    pausedByUs = provider.shouldConnect
    provider.disconnect()
    onOffline()
  }
  const online = () => {
    if (pausedByUs && !provider.wsconnected) provider.connect()
    pausedByUs = false
  }
  target.addEventListener('offline', offline)
  target.addEventListener('online', online)
  return () => {
    target.removeEventListener('offline', offline)
    target.removeEventListener('online', online)
  }
}
