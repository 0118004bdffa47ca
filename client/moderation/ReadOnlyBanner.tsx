import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useIsModerator, useReadOnly } from '../store/permissions'

/** A visible notice while I can only read; the moderator sees that participants can only read. */
export function ReadOnlyBanner() {
  const t = useT()
  const readOnly = useReadOnly()
  const moderator = useIsModerator()
  const closedForOthers = useBoard((s) => s.locked || s.phase === 'abschluss')
  const text = readOnly ? t('readonly.notice') : moderator && closedForOthers ? t('readonly.moderator') : ''
  return (
    <div className="readonly-banner-slot" role="status">
      {text && (
        <p className="readonly-banner">
          <span aria-hidden="true">🔒 </span>
          {text}
        </p>
      )}
    </div>
  )
}
