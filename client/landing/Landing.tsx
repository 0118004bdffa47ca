import { useId, useState } from 'react'
import { Balloon } from '../board/Balloon'
import { useT } from '../i18n/index'
import { createDemoBoard } from '../report/demo'
import { reportPath } from '../router'
import './landing.css'
import { TopBar } from '../TopBar'
import { CodeJoin } from './CodeJoin'
import { CreateBoardForm } from './CreateBoardForm'
import { enterAsCreator } from './enterAsCreator'

/** The start page: what the method is, the example board, one form that creates a board, joining by code. */
export function Landing() {
  const t = useT()
  const [demo, setDemo] = useState<'idle' | 'loading' | 'failed'>('idle')
  const ids = useId()

  async function openDemo() {
    if (demo === 'loading') return
    setDemo('loading')
    try {
      const created = await createDemoBoard()
      enterAsCreator(created, '', reportPath(created.boardId))
    } catch {
      setDemo('failed')
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
          <CreateBoardForm />
          <CodeJoin />
        </div>
      </main>
    </div>
  )
}
