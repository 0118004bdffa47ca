import type { notesDe } from './notes'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const notesEn: { readonly [K in keyof typeof notesDe]: string } = {
  'note.menuLabel': 'Actions for note: {text}',
  'note.menu': 'Note: {text}',
  'zone.count.one': '{count} note',
  'zone.count.other': '{count} notes',
  'zone.filter': 'Show zone',
  'zone.filter.all': 'All',
  'intro.reopen': 'Introduction',
  'presence.count.one': '{count} present',
  'presence.count.other': '{count} present',
}
