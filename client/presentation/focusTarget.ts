import type { Focus } from '../../model/focus'

/** The id of the element that shows a focus on the presentation page (the board's ids differ). */
export function presentationElementId(focus: Focus): string {
  return `present-${focus.kind}-${focus.id}`
}
