import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../model/limits'
import { createBoard } from '../api'
import { Balloon } from '../board/Balloon'
import { useT } from '../i18n/index'
import { createDemoBoard } from '../report/demo'
import { navigate, reportPath } from '../router'
import { useLocale } from '../store/locale'
import { saveModeratorToken, saveName } from '../sync/credentials'
import './landing.css'
import { TopBar } from '../TopBar'
import { CodeJoin } from './CodeJoin'

/** The start page: what the method is, and one form that creates a board. */
export function Landing() {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const [title, setTitle] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [demo, setDemo] = useState<'idle' | 'loading' | 'failed'>('idle')
  const ids = useId()

  async function openDemo() {
    if (demo === 'loading') return
    setDemo('loading')
    try {
      const created = await createDemoBoard()
      saveModeratorToken(created.boardId, created.moderatorToken)
      saveName(created.boardId, '')
      navigate(reportPath(created.boardId))
    } catch {
      setDemo('failed')
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setFailed(false)
    try {
      const trimmed = title.trim()
      const created = await createBoard(trimmed ? { title: trimmed, locale } : { locale })
      saveModeratorToken(created.boardId, created.moderatorToken)
      saveName(created.boardId, name.trim())
      navigate(`/b/${created.boardId}`)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <div className="page landing">
      <TopBar />
      <main className="landing__main">
        <div className="landing__art">
          <Balloon />
        </div>
        <div className="landing__text">
          <h1>{t('app.name')}</h1>
          <p className="landing__tagline">{t('app.tagline')}</p>
          <p>{t('landing.intro1')}</p>
          <p>{t('landing.intro2')}</p>
          <div className="landing__demo">
            <button
              type="button"
              className="button"
              aria-describedby={`${ids}-demo-hint`}
              aria-disabled={demo === 'loading' || undefined}
              onClick={() => void openDemo()}
            >
              {t('landing.demo')}
            </button>
            <p id={`${ids}-demo-hint`} className="hint">
              {t('landing.demoHint')}
            </p>
            <p role="status" className="hint">
              {demo === 'loading' ? t('landing.demoLoading') : ''}
            </p>
            {demo === 'failed' && (
              <p role="alert" className="error">
                {t('landing.demoError')}
              </p>
            )}
          </div>
          <form className="card landing__form" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-h`}>
            <h2 id={`${ids}-h`}>{t('landing.formHeading')}</h2>
            <div className="field">
              <label htmlFor={`${ids}-title`}>{t('landing.title')}</label>
              <input
                id={`${ids}-title`}
                type="text"
                value={title}
                maxLength={LIMITS.titleLength}
                aria-describedby={`${ids}-title-hint`}
                onChange={(e) => setTitle(e.target.value)}
              />
              <p id={`${ids}-title-hint`} className="hint">
                {t('landing.titleHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-name`}>{t('landing.name')}</label>
              <input
                id={`${ids}-name`}
                type="text"
                autoComplete="nickname"
                value={name}
                maxLength={LIMITS.nameLength}
                aria-describedby={`${ids}-name-hint`}
                onChange={(e) => setName(e.target.value)}
              />
              <p id={`${ids}-name-hint`} className="hint">
                {t('landing.nameHint')}
              </p>
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('landing.create')}
            </button>
            <p role="status" className="hint">
              {busy ? t('landing.creating') : ''}
            </p>
            {failed && (
              <p role="alert" className="error">
                {t('landing.error')}
              </p>
            )}
          </form>
          <CodeJoin />
        </div>
      </main>
    </div>
  )
}
