import { ZONE_IDS } from '../../model/zones'
import type { Translate } from '../i18n/index'
import type { MenuItem } from '../MenuList'
import { useBoard } from '../store/board'
import { clusterTitle, findNote, groupWith, moveNoteToCluster, shorten } from './moves'

/** Where a note can be grouped: every other cluster of the board, then a new cluster with each loose note of its zone. */
export function clusterMenuItems(t: Translate, noteId: string): MenuItem[] {
  const board = useBoard.getState()
  const place = findNote(board, noteId)
  if (!place) return []
  const items: MenuItem[] = []
  for (const zone of ZONE_IDS) {
    for (const cluster of board.zones[zone].clusters) {
      if (cluster.id === place.cluster?.id) continue
      items.push({
        key: `c-${cluster.id}`,
        label: t('move.clusterItem', { title: clusterTitle(t, cluster), zone: t(`zone.${zone}.title`) }),
        run: () => moveNoteToCluster(t, noteId, cluster.id),
      })
    }
  }
  for (const other of place.zone.loose) {
    if (other.id === noteId) continue
    items.push({ key: `n-${other.id}`, label: t('move.newClusterWith', { text: shorten(other.text) }), run: () => groupWith(t, noteId, other.id) })
  }
  items.push({ key: 'back', label: t('move.back'), run: () => 'back' })
  return items
}
