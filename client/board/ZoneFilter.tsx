import { ZONE_IDS } from '../../model/zones'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { showOnly, useZoneView } from '../store/zoneView'

/**
 * On a phone: one zone at a time, or all. Toggle buttons (aria-pressed); the CSS shows the bar
 * and applies the choice on narrow screens only, so a wide screen always shows every zone.
 */
export function ZoneFilter() {
  const t = useT()
  const only = useZoneView((s) => s.only)
  const choices: readonly (ZoneId | null)[] = [null, ...ZONE_IDS]
  return (
    <div className="zone-filter" role="group" aria-label={t('zone.filter')}>
      {choices.map((zone) => (
        <button key={zone ?? 'all'} type="button" className="zone-filter__choice" aria-pressed={only === zone} onClick={() => showOnly(zone)}>
          {zone ? t(`zone.${zone}.title`) : t('zone.filter.all')}
        </button>
      ))}
    </div>
  )
}
