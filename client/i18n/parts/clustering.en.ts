import type { clusteringDe } from './clustering'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const clusteringEn: { readonly [K in keyof typeof clusteringDe]: string } = {
  'drop.group': 'Group with this note',
  'drop.intoCluster': 'Into this cluster',
  'drop.before': 'Place before',
  'drop.after': 'Place after',
  'drop.zoneEnd': 'To the end of this zone',
  'picker.search': 'Search clusters or notes',
  'picker.none': 'No matches',
  'picker.count.one': '{count} match',
  'picker.count.other': '{count} matches',
  'picker.hint': 'Arrow keys choose, Enter moves, Escape goes back to the menu.',
  'select.note': 'Select note: {text}',
  'select.count.one': '{count} note selected',
  'select.count.other': '{count} notes selected',
  'select.group': 'Group',
  'select.clear': 'Clear selection',
  'select.hint': 'Shift+click selects every note up to this one.',
  'select.keysHint': 'Space selects the focused note for grouping, Shift+Space every note up to it.',
  'announce.grouped.one': '{count} note grouped into cluster “{title}”.',
  'announce.grouped.other': '{count} notes grouped into cluster “{title}”.',
  'error.tooFew': 'Select at least two notes to group them.',
}
