/** Limits the model enforces everywhere; the server guard rejects updates beyond them. */
export const LIMITS = {
  /** Characters in one note. */
  noteLength: 1000,
  /** Characters in a board title or topic. */
  titleLength: 200,
  /** Characters in a zone question. */
  questionLength: 300,
  /** Characters in a display name (awareness). */
  nameLength: 60,
  /** Notes on one board. */
  notesPerBoard: 2000,
} as const
