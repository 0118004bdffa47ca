import * as Y from 'yjs'
import { BOARD_SCHEMA, PRIVATE_SCHEMA, describeUpdate } from '../../model/changes'
import { ballotFacts, boardFacts } from '../../model/facts'
import type { Actor } from '../../model/identity'
import { checkPrivateUpdate, checkUpdate } from '../../model/rules'
import type { Rejection } from '../../model/rules'

/** The server guard as it runs: describe against the server's doc, check, then apply. */
export function guard(server: Y.Doc, actor: Actor, update: Uint8Array): Rejection | null {
  const rejection = checkUpdate(actor, describeUpdate(server, update, BOARD_SCHEMA), boardFacts(server))
  if (!rejection) Y.applyUpdate(server, update)
  return rejection
}

/**
 * The guard for a participant's private doc: the update is read against the server's copy of
 * that doc and judged against the board's state, then applied.
 */
export function guardPrivate(privateServer: Y.Doc, boardServer: Y.Doc, actor: Actor, update: Uint8Array): Rejection | null {
  const description = describeUpdate(privateServer, update, PRIVATE_SCHEMA)
  const rejection = checkPrivateUpdate(actor, description, boardFacts(boardServer), ballotFacts(privateServer))
  if (!rejection) Y.applyUpdate(privateServer, update)
  return rejection
}
