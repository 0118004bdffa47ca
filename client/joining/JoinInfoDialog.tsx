import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../i18n/index'
import { useLocale } from '../store/locale'
import { useModalDialog } from '../useModalDialog'
import { loadCredentials } from '../sync/credentials'
import { issueCode } from './api'
import type { IssuedCode } from './api'
import { QrCode } from './QrCode'
import './joining.css'

type CodeState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly issued: IssuedCode } | { readonly kind: 'failed' } | { readonly kind: 'noToken' }

/**
 * "Teilnehmen" for the shared screen: the board code in large type, the participant link and
 * its QR code. A native modal `<dialog>` as ConfirmDialog is one: the focus starts on the
 * heading, the page behind is inert, Escape closes; the opener puts the focus back.
 */
export function JoinInfoDialog({ boardId, onClose }: { readonly boardId: string; readonly onClose: () => void }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const [token] = useState(() => loadCredentials(boardId).moderatorToken)
  const [state, setState] = useState<CodeState>(token ? { kind: 'loading' } : { kind: 'noToken' })
  const [attempt, setAttempt] = useState(0)
  const link = `${window.location.origin}/b/${boardId}`

  useModalDialog(dialog, onClose, heading)

  useEffect(() => {
    if (!token) return
    const abort = new AbortController()
    issueCode(boardId, token, abort.signal).then(
      (issued) => setState({ kind: 'ready', issued }),
      () => {
        if (!abort.signal.aborted) setState({ kind: 'failed' })
      },
    )
    return () => abort.abort()
  }, [boardId, token, attempt])

  const url = state.kind === 'ready' ? state.issued.participantUrl : link
  const code = state.kind === 'ready' ? state.issued.code : null
  const until =
    state.kind === 'ready' ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(state.issued.expiresAt)) : ''

  return (
    <dialog ref={dialog} className="dialog card joining" aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('joining.title')}
      </h2>
      <p id={`${id}-intro`}>{t('joining.intro')}</p>
      <div className="joining__body">
        <div className="joining__texts">
          <section className="joining__block" aria-labelledby={`${id}-code`}>
            <h3 id={`${id}-code`}>{t('joining.codeCaption')}</h3>
            <div role="status">
              {state.kind === 'loading' && <p className="hint">{t('joining.loading')}</p>}
              {state.kind === 'noToken' && <p className="error">{t('joining.noToken')}</p>}
            </div>
            {code !== null && (
              <>
                <p className="joining__code">
                  <span aria-hidden="true">{code}</span>
                  <span className="visually-hidden">{t('joining.codeSpelled', { letters: code.replace('-', '').split('').join(' ') })}</span>
                </p>
                <p className="hint">
                  {t('joining.codeOn', { site: window.location.host })} · {t('joining.validUntil', { time: until })}
                </p>
              </>
            )}
            {state.kind === 'failed' && (
              <div role="alert">
                <p className="error">{t('joining.failed')}</p>
                <button type="button" className="button button--small" onClick={() => {
                    setState({ kind: 'loading' })
                    setAttempt((n) => n + 1)
                  }}>
                  {t('joining.retry')}
                </button>
              </div>
            )}
          </section>
          <section className="joining__block" aria-labelledby={`${id}-link`}>
            <h3 id={`${id}-link`}>{t('joining.linkCaption')}</h3>
            <p className="joining__link">{url}</p>
          </section>
        </div>
        <section className="joining__block joining__qrblock" aria-labelledby={`${id}-qr`}>
          <h3 id={`${id}-qr`}>{t('joining.qrCaption')}</h3>
          <QrCode url={url} />
        </section>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('joining.close')}
        </button>
      </div>
    </dialog>
  )
}
