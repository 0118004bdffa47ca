import { create } from 'zustand'

/**
 * The notes this person has selected to group them in one step, in the order chosen, and the
 * last one clicked without Shift (where a Shift+click range starts). Not in the board.
 */
interface SelectionState {
  readonly ids: readonly string[]
  readonly anchor: string | null
}

export const useSelection = create<SelectionState>(() => ({ ids: [], anchor: null }))

export function toggleSelected(id: string): void {
  const { ids } = useSelection.getState()
  useSelection.setState({ ids: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id], anchor: id })
}

/**
 * Shift+click: selects every note from the anchor to `id` in `order` (the notes as the page
 * shows them), keeping what was selected before. Without an anchor in `order`, toggles `id`.
 */
export function selectRange(id: string, order: readonly string[]): void {
  const { ids, anchor } = useSelection.getState()
  const from = anchor === null ? -1 : order.indexOf(anchor)
  const to = order.indexOf(id)
  if (from < 0 || to < 0) return toggleSelected(id)
  const range = order.slice(Math.min(from, to), Math.max(from, to) + 1)
  useSelection.setState({ ids: [...ids, ...range.filter((x) => !ids.includes(x))] })
}

export function clearSelection(): void {
  useSelection.setState({ ids: [], anchor: null })
}
