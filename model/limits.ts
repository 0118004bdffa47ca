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
  /** Characters in a cluster title. */
  clusterTitleLength: 120,
  /** Characters in an action's "what", and in its "who". */
  actionLength: 500,
  whoLength: 120,
  /** Characters in a meeting's place or organiser, and in an institution's name. */
  detailLength: 120,
  /** One part of the Bericht (a paragraph or a few), as the moderator edits it. */
  berichtPartLength: 6000,
  /** Characters in the Rückblick's note on a carried action. */
  reviewNoteLength: 500,
  /** Clusters and actions on one board. */
  clustersPerBoard: 500,
  actionsPerBoard: 200,
  /** Notes on one board. */
  notesPerBoard: 2000,
  /** Drafts in one participant's private doc (private collecting); more are refused before they are sent. */
  draftsPerParticipant: 100,
} as const
