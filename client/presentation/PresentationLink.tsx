import { useT } from '../i18n/index'
import { presentationPath } from '../router'

/** Opens the shared-screen view in a new tab, so the moderator keeps the board with its controls. */
export function PresentationLink({ boardId }: { readonly boardId: string }) {
  const t = useT()
  return (
    <a className="button" href={presentationPath(boardId)} target="_blank" rel="noopener">
      {t('present.open')}{' '}
      <span className="visually-hidden">{t('present.newTab')}</span>
    </a>
  )
}
