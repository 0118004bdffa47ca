import { setPresentationPage } from '../../model/presentation'
import type { PresentationPage } from '../../model/presentation'
import { useBoard } from '../store/board'
import { run } from '../store/run'

/** The phases in which the Präsentation reads the notes page by page. */
export const PAGING_PHASES: ReadonlySet<string> = new Set(['aufdecken', 'clustern'])

/** Shows a page on every shared screen, or the overview with null (the moderator's). */
export const showPage = (page: PresentationPage | null) => run(({ doc }) => setPresentationPage(doc, page))

/** The page the shared screen shows now: the moderator's page in Aufdecken and Clustern, else none (the overview). */
export function usePresentedPage(): PresentationPage | null {
  return useBoard((s) => (PAGING_PHASES.has(s.phase) ? s.presentation : null))
}
