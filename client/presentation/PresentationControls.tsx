import { allPages, positionOf, stepPage } from '../../model/presentation'
import type { PresentationPage } from '../../model/presentation'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { showPage, usePresentedPage } from './paging'
import './controls.css'

/**
 * The moderator's pages of the Präsentation, in the bar (Aufdecken and Clustern): where the shared
 * screen is, the previous and next page, back to the overview. Past the last page it returns to
 * the overview.
 */
export function PresentationControls() {
  const t = useT()
  const phase = useBoard((s) => s.phase)
  const zones = useBoard((s) => s.zones)
  const page = usePresentedPage()
  if (phase !== 'aufdecken' && phase !== 'clustern') return null
  const board = { zones }
  const pages = allPages(board)
  const go = (to: PresentationPage | null) => {
    if (!showPage(to).ok) announce(t('present.failed'))
  }
  return (
    <div className="presentation-controls" role="group" aria-label={t('present.controls')}>
      <span className="presentation-controls__where" aria-live="polite">
        {t('present.where', { where: page ? where(t, pages, page) : t('present.atOverview') })}
      </span>
      <button type="button" className="button button--small" disabled={pages.length === 0} onClick={() => go(stepPage(board, page, -1))}>
        <span aria-hidden="true">‹ </span>
        {t('present.previous')}
      </button>
      <button type="button" className="button button--small" disabled={pages.length === 0} onClick={() => go(stepPage(board, page, 1))}>
        {t('present.next')}
        <span aria-hidden="true"> ›</span>
      </button>
      {page && (
        <button type="button" className="button button--small" onClick={() => go(null)}>
          {t('present.overview')}
        </button>
      )}
    </div>
  )
}

/** "Steigen 2/3": the zone and the page within it (a stale page as the zone's last one). */
function where(t: Translate, pages: readonly PresentationPage[], page: PresentationPage): string {
  const inZone = pages.filter((p) => p.zone === page.zone)
  const shown = pages[positionOf(pages, page)]
  const n = shown && shown.zone === page.zone ? shown.page + 1 : 1
  return t('present.position', { zone: t(`zone.${page.zone}.title`), n, total: Math.max(1, inZone.length) })
}
