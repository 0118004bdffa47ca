import { useId } from 'react'
import { useT } from '../i18n/index'
import { CopyLinkOutput, useCopyLink } from './CopyLink'

/** Copies the participant link (never the moderator's) to the clipboard, or shows it to copy by hand. */
export function ShareLink({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const id = useId()
  const link = `${window.location.origin}/b/${boardId}`
  const { announcement, manual, field, copy } = useCopyLink()

  return (
    <div className="share">
      <button type="button" className="button" onClick={() => void copy(link, t('share.copied'))}>
        {t('share.button')}
      </button>
      <CopyLinkOutput id={id} manual={manual} announcement={announcement} field={field} label={t('share.manual')} labelHidden />
    </div>
  )
}
