import type { MessageKey } from '../i18n/index'
import type { ActionResult } from '../store/run'

type Code = Extract<ActionResult, { ok: false }>['code']

const KEYS = {
  empty: 'error.empty',
  tooLong: 'error.tooLong',
  unknownNote: 'error.unknownNote',
  unknownCluster: 'error.unknownCluster',
  unknownAction: 'error.unknownAction',
  boardFull: 'error.boardFull',
  draftLimit: 'error.draftLimit',
  noVotesLeft: 'error.noVotesLeft',
  itemLimit: 'error.itemLimit',
  notVoting: 'error.notVoting',
  tooFew: 'error.tooFew',
  noBoard: 'error.noBoard',
} as const satisfies Record<Code, MessageKey>

/** The message for an action's refusal. */
export function errorKey(code: Code): (typeof KEYS)[Code] {
  return KEYS[code]
}
