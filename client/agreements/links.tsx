import type { BoardView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { clusterTitle, shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'

// What a Maßnahme may follow from: a cluster or a loose note, offered zone by zone.

/** Einheizen first: that is where the next steps usually come from. */
const LINK_ZONES: readonly ZoneId[] = ['einheizen', 'untenHalten', 'steigen']

interface LinkOption {
  readonly id: string
  readonly label: string
}

function linkOptions(t: Translate, zones: BoardView['zones']): { zone: ZoneId; options: LinkOption[] }[] {
  return LINK_ZONES.map((zone) => ({
    zone,
    options: [
      ...zones[zone].clusters.map((c) => ({ id: c.id, label: t('actions.linkCluster', { title: clusterTitle(t, c) }) })),
      ...zones[zone].loose.map((n) => ({ id: n.id, label: t('actions.linkNote', { text: shorten(n.text) }) })),
    ],
  }))
}

function useLinkGroups() {
  const t = useT()
  const zones = useBoard((s) => s.zones)
  return linkOptions(t, zones)
}

export function LinkSelect({ id, value, onChange }: { readonly id: string; readonly value: string; readonly onChange: (value: string) => void }) {
  const t = useT()
  const groups = useLinkGroups()
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('actions.noLink')}</option>
      {groups.map(({ zone, options }) =>
        options.length === 0 ? null : (
          <optgroup key={zone} label={t(`zone.${zone}.title`)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  )
}

/** The label of a linked cluster or note, or a dash. */
export function useLinkLabel(link: string | null): string {
  const t = useT()
  const groups = useLinkGroups()
  const zones = useBoard((s) => s.zones)
  if (link === null) return '—'
  for (const { options } of groups) {
    const found = options.find((o) => o.id === link)
    if (found) return found.label
  }
  // A note inside a cluster is not offered, but may be linked.
  for (const zone of LINK_ZONES) {
    const note = zones[zone].notes.find((n) => n.id === link)
    if (note) return t('actions.linkNote', { text: shorten(note.text) })
  }
  return '—'
}
