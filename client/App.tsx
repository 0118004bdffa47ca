import { Suspense, lazy } from 'react'
import { BoardRoute } from './joining/BoardRoute'
import { Landing } from './landing/Landing'
import { SiteFooter } from './privacy/SiteFooter'
import {
  boardIdOf,
  doorSlideCodeOf,
  eventCodeOf,
  eventIdOf,
  eventReportIdOf,
  isAccessibilityPath,
  isPrivacyPath,
  presentationBoardIdOf,
  reportBoardIdOf,
  seriesBoardIdOf,
  usePath,
} from './router'
import { saveModeratorToken } from './sync/credentials'

// The report (and its exporters) loads when first opened, so the board's first load stays small.
const ReportPage = lazy(() => import('./report/ReportPage').then((m) => ({ default: m.ReportPage })))
const PrivacyPage = lazy(() => import('./privacy/PrivacyPage').then((m) => ({ default: m.PrivacyPage })))
const AccessibilityPage = lazy(() =>
  import('./accessibility/AccessibilityPage').then((m) => ({ default: m.AccessibilityPage })),
)
const EventJoinPage = lazy(() => import('./events/EventJoinPage').then((m) => ({ default: m.EventJoinPage })))
const EventOverviewPage = lazy(() => import('./events/EventOverviewPage').then((m) => ({ default: m.EventOverviewPage })))
const EventReportPage = lazy(() => import('./events/EventReportPage').then((m) => ({ default: m.EventReportPage })))
const DoorSlidePage = lazy(() => import('./events/DoorSlidePage').then((m) => ({ default: m.DoorSlidePage })))
const SeriesPage = lazy(() => import('./series/SeriesPage').then((m) => ({ default: m.SeriesPage })))
const PresentationPage = lazy(() =>
  import('./presentation/PresentationPage').then((m) => ({ default: m.PresentationPage })),
)

/** Takes a moderator token out of the address (#m=<token>) so it does not stay on a shared screen. */
function takeModeratorToken(boardId: string): void {
  const match = /^#m=([A-Za-z0-9_-]+)$/.exec(window.location.hash)
  if (!match?.[1]) return
  saveModeratorToken(boardId, match[1])
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
}

/** Every page, with the footer (Datenschutz) below it. */
export function App() {
  const path = usePath()
  return (
    <>
      <Route path={path} />
      <SiteFooter />
    </>
  )
}

function Route({ path }: { readonly path: string }) {
  if (isPrivacyPath(path))
    return (
      <Suspense fallback={null}>
        <PrivacyPage />
      </Suspense>
    )
  if (isAccessibilityPath(path))
    return (
      <Suspense fallback={null}>
        <AccessibilityPage />
      </Suspense>
    )
  const eventCode = eventCodeOf(path)
  if (eventCode)
    return (
      <Suspense fallback={null}>
        <EventJoinPage code={eventCode} />
      </Suspense>
    )
  const doorCode = doorSlideCodeOf(path)
  if (doorCode)
    return (
      <Suspense fallback={null}>
        <DoorSlidePage code={doorCode} />
      </Suspense>
    )
  const reportEventId = eventReportIdOf(path)
  if (reportEventId)
    return (
      <Suspense fallback={null}>
        <EventReportPage eventId={reportEventId} />
      </Suspense>
    )
  const eventId = eventIdOf(path)
  if (eventId)
    return (
      <Suspense fallback={null}>
        <EventOverviewPage eventId={eventId} />
      </Suspense>
    )
  const seriesId = seriesBoardIdOf(path)
  if (seriesId) {
    // The series page needs no connection to the board: only its moderator token.
    takeModeratorToken(seriesId)
    return (
      <Suspense fallback={null}>
        <SeriesPage boardId={seriesId} />
      </Suspense>
    )
  }
  const reportId = reportBoardIdOf(path)
  const presentationId = presentationBoardIdOf(path)
  const boardId = boardIdOf(path) ?? reportId ?? presentationId
  if (!boardId) return <Landing />
  // During render, before the board route reads the credentials; idempotent, since the
  // fragment is gone after the first call.
  takeModeratorToken(boardId)
  // Keyed by board only: going from the board to its report and back keeps the connection.
  return (
    <BoardRoute key={boardId} boardId={boardId}>
      {reportId ? (
        <Suspense fallback={null}>
          <ReportPage boardId={boardId} />
        </Suspense>
      ) : presentationId ? (
        <Suspense fallback={null}>
          <PresentationPage boardId={boardId} />
        </Suspense>
      ) : null}
    </BoardRoute>
  )
}
