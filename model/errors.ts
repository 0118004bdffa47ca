/** Thrown for input the model refuses, with a stable code for messages. */
export type ModelErrorCode =
  | 'empty'
  | 'tooLong'
  | 'unknownNote'
  | 'unknownCluster'
  | 'unknownAction'
  | 'boardFull'
  | 'draftLimit'
  | 'noVotesLeft'
  | 'itemLimit'
  | 'notVoting'
  /** A grouping of several notes got fewer than two. */
  | 'tooFew'

export class ModelError extends Error {
  constructor(readonly code: ModelErrorCode) {
    super(code)
  }
}

/** Trims text and refuses it empty or longer than `max`. */
export function cleanInput(text: string, max: number): string {
  const trimmed = text.trim()
  if (trimmed === '') throw new ModelError('empty')
  if (trimmed.length > max) throw new ModelError('tooLong')
  return trimmed
}
