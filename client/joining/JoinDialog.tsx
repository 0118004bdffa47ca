import { useEffect, useId, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../model/limits'
import { fetchBoardInfo } from '../api'
import type { BoardInfo } from '../api'
import { ProblemPage } from '../board/ProblemPage'
import { useT } from '../i18n/index'
import { saveInstitution, saveName } from '../sync/credentials'
import './join.css'
import { TextField } from '../TextField'
import { TopBar } from '../TopBar'

interface Props {
  readonly boardId: string
  readonly onJoined: () => void
}

/** Asks for a display name (optional) before this browser joins a board for the first time. */
export function JoinDialog({ boardId, onJoined }: Props) {
  const t = useT()
  const ids = useId()
  const [name, setName] = useState('')
  const [institution, setInstitution] = useState('')
  const [info, setInfo] = useState<BoardInfo | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    void fetchBoardInfo(boardId, abort.signal).then((next) => {
      if (!abort.signal.aborted) setInfo(next)
    })
    return () => abort.abort()
  }, [boardId])

  if (info?.kind === 'notFound') return <ProblemPage problem="unknownBoard" />

  const title = info?.kind === 'found' ? info.title || t('board.untitled') : null
  const asksInstitution = info?.kind === 'found' && info.askInstitution

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    saveName(boardId, name.trim())
    if (asksInstitution) saveInstitution(boardId, institution.trim())
    onJoined()
  }

  return (
    <div className="page join">
      <TopBar />
      <main className="join__main">
        <form className="card join__card" onSubmit={submit} aria-labelledby={`${ids}-h`}>
          <h1 id={`${ids}-h`}>{t('join.heading')}</h1>
          <p className="join__title" aria-live="polite">
            {title ?? (info === null ? t('join.loading') : '')}
          </p>
          <TextField
            id={`${ids}-name`}
            label={t('join.name')}
            hint={t('join.hint')}
            value={name}
            maxLength={LIMITS.nameLength}
            onChange={setName}
            autoComplete="nickname"
            autoFocus
          />
          {asksInstitution && (
            <TextField
              id={`${ids}-institution`}
              label={t('join.institution')}
              hint={t('join.institutionHint')}
              value={institution}
              maxLength={LIMITS.detailLength}
              onChange={setInstitution}
              autoComplete="organization"
            />
          )}
          <button type="submit" className="button button--primary">
            {t('join.submit')}
          </button>
        </form>
      </main>
    </div>
  )
}
