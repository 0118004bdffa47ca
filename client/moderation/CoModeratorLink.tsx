import { useId } from 'react'
import { CopyLinkOutput, useCopyLink } from '../board/CopyLink'
import { useT } from '../i18n/index'
import { coModeratorLink } from './moderatorAccess'

/** Copies the moderator link for a co-moderator, or shows it to copy by hand (like ShareLink). */
export function CoModeratorLink() {
  const t = useT()
  const id = useId()
  const { announcement, manual, field, copy, say } = useCopyLink()

  function share() {
    const link = coModeratorLink()
    if (link) void copy(link, t('settings.coModeratorCopied'))
    else say(t('settings.coModeratorMissing'))
  }

  return (
    <div className="settings__field share">
      <button type="button" className="button" aria-describedby={`${id}-hint`} onClick={share}>
        {t('settings.coModerator')}
      </button>
      <span id={`${id}-hint`} className="hint">
        {t('settings.coModeratorHint')}
      </span>
      <CopyLinkOutput id={id} manual={manual} announcement={announcement} field={field} label={t('settings.coModeratorManual')} />
    </div>
  )
}
