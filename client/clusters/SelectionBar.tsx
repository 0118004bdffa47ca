import { useEffect, useRef } from 'react'
import { announce } from '../a11y/announce'
import { errorKey } from '../board/errors'
import { usePinnedHeight } from '../board/usePinnedHeight'
import type { PinnedHeights } from '../board/usePinnedHeight'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useMayCluster } from '../store/permissions'
import { clearSelection, useSelection } from '../store/selection'
import { findNote, groupSelection } from './moves'

/** Pinned at the bottom (sticky beside the zones, fixed on a phone): its height plus the gap below. */
const pinned: PinnedHeights = (height, position) => ({ '--selection-bar': position === 'static' || height === 0 ? 0 : height + 8 })

/**
 * What the selected notes can become: "3 Notizen ausgewählt", grouped in one step or let go.
 * The count is a status (said politely); the bar stays in reach at the bottom of the window,
 * on a phone above the moderator's bar or the votes left (board.css).
 */
export function SelectionBar() {
  const t = useT()
  const clustering = useMayCluster()
  const ids = useSelection((s) => s.ids)
  // The selected notes still on the board (one may be deleted meanwhile), as a string to compare.
  const present = useBoard((s) => ids.filter((id) => findNote(s, id) !== null).join(' '))
  const count = present === '' ? 0 : present.split(' ').length
  const bar = useRef<HTMLDivElement>(null)
  usePinnedHeight(bar, pinned, clustering ? count : 0)

  useEffect(() => {
    if (!clustering) clearSelection()
  }, [clustering])

  function group(): void {
    const chosen = present.split(' ').filter(Boolean)
    if (chosen.length < 2) {
      announce(t(errorKey('tooFew')))
      return
    }
    if (groupSelection(t, chosen)) clearSelection()
  }

  return (
    <div ref={bar} className="selection-bar">
      <p className="selection-bar__count" role="status">
        {clustering && count > 0 ? t('select.count', { count }) : ''}
      </p>
      {clustering && count > 0 && (
        <>
          <button type="button" className="button button--primary" onClick={group}>
            {t('select.group')}
          </button>
          <button type="button" className="button" onClick={clearSelection}>
            {t('select.clear')}
          </button>
          <p className="hint selection-bar__hint">{t('select.hint')}</p>
        </>
      )}
    </div>
  )
}
