import type { BerichtPart } from '../../model/bericht'
import { isZoneId } from '../../model/zones'
import type { Translate } from '../i18n/index'

/** A Bericht part's name as the page shows it: the zone's title, else "Einleitung", "Maßnahmen", "Fazit". */
export function partLabel(t: Translate, part: BerichtPart): string {
  if (isZoneId(part)) return t(`zone.${part}.title`)
  return t(`bericht.${part}`)
}
