import { ZONE_IDS } from '../../model/zones'
import type { Translate } from '../i18n/index'
import type { MenuItem } from '../MenuList'
import { useBoard } from '../store/board'
import { clusterTitle, findNote, groupWith, moveNoteToCluster } from './moves'

/** How much of a note's text a choice shows: cut at a word, never inside one. */
const CHOICE_LENGTH = 80

/** A text on one line, cut after the last whole word that fits `max` characters (with "…"). */
export function cutAtWord(text: string, max = CHOICE_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  // One word longer than the whole width: cut it after all.
  return `${(space > max / 2 ? cut.slice(0, space) : line.slice(0, max)).replace(/[\s,;:.–-]+$/, '')} …`
}

/** A choice of the cluster picker: a menu item, and the text a search looks in. */
export interface ClusterChoice extends MenuItem {
  readonly kind: 'cluster' | 'note'
  readonly searchText: string
}

/**
 * Where a note can be grouped: the existing clusters first (those of its own zone, then the
 * others), then a new cluster with each other loose note of its zone.
 */
export function clusterChoices(t: Translate, noteId: string): ClusterChoice[] {
  const board = useBoard.getState()
  const place = findNote(board, noteId)
  if (!place) return []
  const zones = [place.zone.id, ...ZONE_IDS.filter((z) => z !== place.zone.id)]
  const choices: ClusterChoice[] = []
  for (const zone of zones)
    for (const cluster of board.zones[zone].clusters) {
      if (cluster.id === place.cluster?.id) continue
      const title = clusterTitle(t, cluster)
      choices.push({
        key: `c-${cluster.id}`,
        kind: 'cluster',
        searchText: `${title} ${cluster.notes.map((n) => n.text).join(' ')}`,
        label: t('move.clusterItem', { title, zone: t(`zone.${zone}.title`) }),
        run: () => moveNoteToCluster(t, noteId, cluster.id),
      })
    }
  for (const other of place.zone.loose) {
    if (other.id === noteId) continue
    choices.push({
      key: `n-${other.id}`,
      kind: 'note',
      searchText: other.text,
      label: t('move.newClusterWith', { text: cutAtWord(other.text) }),
      run: () => groupWith(t, noteId, other.id),
    })
  }
  return choices
}

/** The choices whose title or text holds every word of `query`, upper or lower case alike. */
export function filterChoices<C extends ClusterChoice>(choices: readonly C[], query: string): C[] {
  const words = query.toLocaleLowerCase('de').split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...choices]
  return choices.filter((c) => {
    const text = c.searchText.toLocaleLowerCase('de')
    return words.every((w) => text.includes(w))
  })
}
