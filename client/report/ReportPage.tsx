import { useMemo } from 'react'
import { buildReport } from '../../model/export/report'
import { isPageProblem, ProblemPage } from '../board/ProblemPage'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/index'
import { boardPath } from '../router'
import { useBoard } from '../store/board'
import { useIsModerator, useMayExport, useMayWriteBericht } from '../store/permissions'
import { useSession } from '../store/session'
import { ThemeSwitch } from '../theme/ThemeSwitch'
import { BerichtEditor } from './BerichtEditor'
import { MeetingDetailsForm } from './MeetingDetailsForm'
import { FollowUp } from '../series/FollowUp'
import { ReportTools } from './ReportTools'
import { ReportView } from './ReportView'
import { RouteLink } from './RouteLink'
import './report.css'

/**
 * /b/<boardId>/ergebnis: the board's result as a document to read, print and export. The board
 * stays connected, so the report follows the board live. The report and the files it exports are
 * in the board's language (the moderator's "Sprache des Ergebnisprotokolls"); the controls around
 * them in the reader's interface language.
 */
export function ReportPage({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const locale = useBoard((s) => s.locale)
  const problem = useSession((s) => s.problem)
  const view = useBoard((s) => s)
  const mayExport = useMayExport()
  const moderator = useIsModerator()
  const mayWriteBericht = useMayWriteBericht()
  const report = useMemo(() => buildReport(view, locale), [view, locale])
  if (isPageProblem(problem))
    return <ProblemPage problem={problem} />
  return (
    <div className="page report">
      <header className="report-bar">
        <p className="report-bar__brand">{t('app.name')}</p>
        <div className="report-bar__tools">
          <RouteLink to={boardPath(boardId)} className="button button--quiet">
            {t('report.back')}
          </RouteLink>
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <main className="report__main">
        <ReportTools view={view} report={report} locale={locale} mayExport={mayExport} />
        {moderator && <MeetingDetailsForm />}
        {mayWriteBericht && <BerichtEditor report={report} />}
        <FollowUp boardId={boardId} />
        <ReportView report={report} />
      </main>
    </div>
  )
}
