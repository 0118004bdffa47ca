import * as Y from 'yjs'
import { describeUpdate } from '../../model/changes'
import type { Actor } from '../../model/identity'
import { checkUpdate } from '../../model/rules'
import type { Rejection } from '../../model/rules'

/** The server guard as it will run: describe against the server's doc, check, then apply. */
export function guard(server: Y.Doc, actor: Actor, update: Uint8Array): Rejection | null {
  const rejection = checkUpdate(actor, describeUpdate(server, update))
  if (!rejection) Y.applyUpdate(server, update)
  return rejection
}
