import type { meetingDe } from './meeting'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const meetingEn: { readonly [K in keyof typeof meetingDe]: string } = {
  'bar.done': '{count} of {total} done',
  'bar.voted.one': '{count} of {total} has voted',
  'bar.voted.other': '{count} of {total} have voted',
  'bar.missing.one': 'Who is missing? ({count})',
  'bar.missing.other': 'Who is missing? ({count})',
  'bar.missingList': 'Not there yet',
  'bar.stay': 'Cancel',
  'bar.moveTo': 'Go to {phase}',
  'bar.endsVote.title': 'End the vote?',
  'bar.endsVote.text': 'The vote is still open. If you change the phase, it ends and the votes cast are counted.',
  'bar.keepsVotes.title': 'Back to before the vote?',
  'bar.keepsVotes.text':
    'The counted votes stay. If you change clusters afterwards they no longer match; then open the vote again in “Vote”.',
  'discussion.start.one': 'Start discussing ({count} item)',
  'discussion.start.other': 'Start discussing ({count} items)',
  'discussion.controls': 'Discuss',
  'discussion.position': 'Item {n} of {total}',
  'discussion.previous': 'Previous item',
  'discussion.next': 'Next item',
  'discussion.end': 'End the discussion',
  'discussion.failed': 'The item could not be changed.',
  'discussion.heading': 'Discussing: item {n} of {total}',
  'discussion.notes': 'Notes on “{title}”',
  'discussion.actions': 'Actions for this item',
  'discussion.announce': 'Discussing: {title}',
}
