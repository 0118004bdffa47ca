import { create } from 'zustand'
import type { TrashItem } from '../../model/trash'
import type { TrashOutcome, TrashRequest } from '../../protocol/trash'

/** The moderator's Papierkorb as the server last listed it (null: not asked yet, or offline). */
export interface TrashState {
  readonly items: readonly TrashItem[] | null
}

export const useTrash = create<TrashState>(() => ({ items: null }))

/** Sends a request on the board's socket; false when there is no open connection (client/sync/trash.ts). */
type Channel = (request: TrashRequest) => boolean

let channel: Channel | null = null
const waiting = new Map<string, Array<(code: string) => void>>()

/** Set by client/sync/trash.ts while the board's connection exists. */
export function setTrashChannel(next: Channel | null): void {
  channel = next
  if (!next) useTrash.setState({ items: null })
}

/** Asks the server for the list; false when offline. */
export function requestTrash(): boolean {
  return channel?.({ kind: 'list' }) ?? false
}

/**
 * Asks the server to put an entry back for everyone; resolves with the outcome's code ('' when it
 * is back, 'offline' when no request could be sent).
 */
export function restoreFromTrash(id: string): Promise<string> {
  if (!channel?.({ kind: 'restore', id })) return Promise.resolve('offline')
  return new Promise((resolve) => waiting.set(id, [...(waiting.get(id) ?? []), resolve]))
}

export function receiveTrashList(items: readonly TrashItem[]): void {
  useTrash.setState({ items })
}

export function receiveTrashOutcome(outcome: TrashOutcome): void {
  const resolvers = waiting.get(outcome.id) ?? []
  waiting.delete(outcome.id)
  for (const resolve of resolvers) resolve(outcome.code)
}
