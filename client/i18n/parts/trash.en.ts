import type { trashDe } from './trash'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const trashEn: { readonly [K in keyof typeof trashDe]: string } = {
  'trash.button': 'Recycle bin',
  'trash.heading': 'Recycle bin',
  'trash.intro':
    'Deleted notes, dissolved clusters and report parts that participants deleted text from, for moderators only. Closing the meeting deletes the notes and clusters for good; report texts stay until the retention period ends.',
  'trash.loading': 'Loading the recycle bin …',
  'trash.offline': 'The recycle bin cannot be shown without a connection to the server.',
  'trash.empty': 'The recycle bin is empty.',
  'trash.list': 'Deleted items',
  'trash.note': 'Note in “{zone}”, deleted at {time}',
  'trash.cluster.one': 'Cluster in “{zone}” with {count} note, dissolved at {time}',
  'trash.cluster.other': 'Cluster in “{zone}” with {count} notes, dissolved at {time}',
  'trash.bericht.label': 'Report: {part}',
  'trash.bericht': 'Report: {part}, as it was before text was deleted at {time}',
  'trash.restore': 'Restore',
  'trash.close': 'Close the recycle bin',
  'trash.restored': '“{text}” has been restored and is back on the board for everyone.',
  'trash.error.notAllowed': 'Only moderators can restore from the recycle bin.',
  'trash.error.notInTrash': 'This item is no longer in the recycle bin.',
  'trash.error.closed': 'The meeting is closed: the recycle bin has been emptied and nothing can be restored any more.',
  'trash.error.privateCollecting': 'Notes are being collected privately: you can restore the note once they are revealed.',
  'trash.error.alreadyThere': 'This item is already back on the board.',
  'trash.error.notesGone': 'None of this cluster’s notes is free any more: the cluster cannot be restored.',
  'trash.error.boardFull': 'The board is full: the item no longer fits on it.',
  'trash.error.offline': 'No connection to the server: please try again once the connection is back.',
  'trash.error.unknown': 'Restoring failed. Please try again.',
}
