import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useMayCluster } from '../store/permissions'

/** The one element every zone's note list points to (aria-describedby) for the keyboard moves. */
export const ZONE_KEYS_HINT_ID = 'zone-keys-hint'

/**
 * How to move notes by keyboard, said once above the zones (not in every zone), while notes
 * can be moved; the CSS leaves it out on touch screens, where there is no keyboard to speak of.
 */
export function ZoneKeysHint() {
  const t = useT()
  const clustering = useMayCluster()
  const any = useBoard((s) => s.zones.steigen.notes.length + s.zones.untenHalten.notes.length + s.zones.einheizen.notes.length > 0)
  if (!clustering || !any) return null
  return (
    <p id={ZONE_KEYS_HINT_ID} className="hint zone-keys-hint">
      {t('zone.moveHint')} {t('select.keysHint')}
    </p>
  )
}
