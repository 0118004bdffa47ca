import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import type { ServerConfig } from './config'
import { HttpError } from './httpKit'

/**
 * The base of the links the server hands out (board links, the join-code link): PUBLIC_URL, or
 * else the request's Host, but only a Host this server can vouch for: one of ALLOWED_HOSTS, or
 * the address the request arrived at (any port; `localhost` on the loopback). A forged Host
 * would otherwise put a foreign site into a moderator's link.
 */
export function linkBase(config: ServerConfig, req: IncomingMessage): string {
  if (config.publicUrl) return config.publicUrl
  const host = (req.headers.host ?? '').toLowerCase()
  if (!config.allowedHosts.includes(host) && !arrivedAt(host, req.socket.localAddress))
    throw new HttpError(400, 'Unbekannter Host: Bitte PUBLIC_URL oder ALLOWED_HOSTS einstellen.')
  return `http://${host}`
}

/** Whether `host` (with or without a port) names `local`, the address the connection came in on. */
function arrivedAt(host: string, local: string | undefined): boolean {
  if (!local) return false
  const name = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(host)?.[1] ?? /^([^:]+)(?::\d+)?$/.exec(host)?.[1]
  if (!name) return false
  const address = local.replace(/^::ffff:(?=\d+\.)/, '')
  if (name === 'localhost') return address === '127.0.0.1' || address === '::1'
  return isIP(name) !== 0 && name === address
}
