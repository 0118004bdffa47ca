import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { LinkRefusal, ModeratorLinkInfo } from '../api'
import { CopyLinkOutput, useCopyLink } from '../board/CopyLink'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useLocale } from '../store/locale'
import { newCoModeratorLink, revokeCoModeratorLink } from './moderatorAccess'
import { useCoModeratorLinks } from './useCoModeratorLinks'
import type { LinkList } from './useCoModeratorLinks'

/**
 * Why a request failed, in the interface's language: the server's reason by its code, that the
 * server could not be reached, or (an answer without a known code) its status. The server's own
 * German message is never shown, so an English interface stays English.
 */
function failure(t: Translate, refusal: LinkRefusal): string {
  if (refusal.status === 0) return t('settings.coModeratorFailed', { reason: t('settings.coModeratorOffline') })
  const reason = refusal.code ? t(`reason.${refusal.code}`, { max: refusal.max ?? '' }) : t('reason.unknown', { status: refusal.status })
  return t('settings.coModeratorFailed', { reason })
}

/**
 * "Co-Moderation": links with their own tokens, each named, listed with its creation time and
 * revocable ("Zurücknehmen"). Only the token the board was created with manages them.
 */
export function CoModeratorLinks() {
  const t = useT()
  const id = useId()
  const { list, reload } = useCoModeratorLinks()
  const { announcement, manual, field, copy, say } = useCopyLink()
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  async function create(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const answer = await newCoModeratorLink(label)
    setBusy(false)
    if (!answer.ok) return setError(answer.status === 401 ? t('settings.coModeratorMissing') : failure(t, answer))
    setLabel('')
    await copy(answer.value.url, t('settings.coModeratorCopied', { label: answer.value.label }))
    await reload()
  }

  async function revoke(link: ModeratorLinkInfo) {
    setError(null)
    const answer = await revokeCoModeratorLink(link.id)
    if (!answer.ok) return setError(failure(t, answer))
    say(t('settings.coModeratorRevoked', { label: link.label }))
    await reload()
    input.current?.focus()
  }

  if (list.kind === 'notOwner') return <p className="hint">{t('settings.coModeratorNotOwner')}</p>
  if (list.kind === 'noToken') return <p className="hint">{t('settings.coModeratorMissing')}</p>
  return (
    <fieldset className="settings__group co-moderation">
      <legend>{t('settings.coModerator')}</legend>
      <p className="hint">{t('settings.coModeratorHint')}</p>
      <form className="settings__field" onSubmit={(e) => void create(e)}>
        <label htmlFor={`${id}-label`}>{t('settings.coModeratorLabel')}</label>
        <input id={`${id}-label`} ref={input} type="text" maxLength={80} required value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          {t('settings.coModeratorCreate')}
        </button>
      </form>
      <CopyLinkOutput id={id} manual={manual} announcement={announcement} field={field} label={t('settings.coModeratorManual')} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <LinkListView list={list} onRevoke={(link) => void revoke(link)} />
    </fieldset>
  )
}

function LinkListView({ list, onRevoke }: { readonly list: LinkList; readonly onRevoke: (link: ModeratorLinkInfo) => void }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  if (list.kind === 'loading') return <p role="status">{t('settings.coModeratorLoading')}</p>
  if (list.kind === 'failed') return <p role="alert">{failure(t, list.answer)}</p>
  if (list.kind !== 'ready') return null
  if (list.links.length === 0) return <p>{t('settings.coModeratorNone')}</p>
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <ul className="co-moderation__list" aria-label={t('settings.coModeratorList')}>
      {list.links.map((link) => (
        <li key={link.id}>
          <span className="co-moderation__label">{link.label}</span>{' '}
          <span className="hint">{t('settings.coModeratorCreated', { date: when.format(new Date(link.createdAt)) })}</span>{' '}
          <button type="button" className="button button--small" aria-label={t('settings.coModeratorRevokeNamed', { label: link.label })} onClick={() => onRevoke(link)}>
            {t('settings.coModeratorRevoke')}
          </button>
        </li>
      ))}
    </ul>
  )
}
