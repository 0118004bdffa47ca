import { create } from 'zustand'
import type { ZoneId } from '../../model/zones'

/**
 * How this person looks at the zones on this page: which are folded, and on a phone which one
 * alone is shown (null: all). Not remembered, not in the board.
 */
interface ZoneViewState {
  readonly folded: Readonly<Partial<Record<ZoneId, true>>>
  readonly only: ZoneId | null
}

export const useZoneView = create<ZoneViewState>(() => ({ folded: {}, only: null }))

export function toggleZone(zone: ZoneId): void {
  const { [zone]: was, ...rest } = useZoneView.getState().folded
  useZoneView.setState({ folded: was ? rest : { ...rest, [zone]: true } })
}

export function showOnly(zone: ZoneId | null): void {
  useZoneView.setState({ only: zone })
}

export function resetZoneView(): void {
  useZoneView.setState({ folded: {}, only: null })
}
