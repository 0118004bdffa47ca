import { useT } from '../i18n/index'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { IntroButton } from '../intro/IntroButton'
import { JoinInfoButton } from '../joining/JoinInfoButton'
import { SettingsPanel } from '../moderation/SettingsPanel'
import { PresentationLink } from '../presentation/PresentationLink'
import { LeaveBoard } from '../privacy/LeaveBoard'
import { RouteLink } from '../report/RouteLink'
import { reportPath } from '../router'
import { useBoard } from '../store/board'
import { useIsModerator } from '../store/permissions'
import { ThemeSwitch } from '../theme/ThemeSwitch'
import { TrashPanel } from '../trash/TrashPanel'
import { UndoControls } from '../undo/UndoControls'
import { PresenceList } from './PresenceList'
import { ShareLink } from './ShareLink'
import { SyncStatus } from './SyncStatus'

/** The banner, compact: title and topic, how many are here (the list on demand), connection and save state, then sharing (code, QR and presentation for the moderator), settings (moderator), colour scheme, language. */
export function BoardHeader({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const title = useBoard((s) => s.title)
  const topic = useBoard((s) => s.topic)
  const moderator = useIsModerator()
  return (
    <header className="board-header">
      <div className="board-header__top">
        <div className="board-header__title">
          <p className="board-header__brand">{t('app.name')}</p>
          <h1>{title || t('board.untitled')}</h1>
          {topic && <p className="board-header__topic">{topic}</p>}
        </div>
        <div className="board-header__state">
          <PresenceList />
          <SyncStatus />
        </div>
        <div className="board-header__tools">
          <UndoControls />
          <ShareLink boardId={boardId} />
          {moderator && <JoinInfoButton boardId={boardId} />}
          {moderator && <PresentationLink boardId={boardId} />}
          <RouteLink to={reportPath(boardId)} className="button">
            {t('report.open')}
          </RouteLink>
          <IntroButton />
          {moderator && <SettingsPanel />}
          {moderator && <TrashPanel />}
          <LeaveBoard boardId={boardId} />
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </div>
    </header>
  )
}
