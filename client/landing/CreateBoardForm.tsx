import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../model/limits'
import { createBoard } from '../api'
import { useT } from '../i18n/index'
import { useLocale } from '../store/locale'
import { TextField } from '../TextField'
import { enterAsCreator } from './enterAsCreator'

/** The form that creates a board: an optional title and my name (both may stay empty). */
export function CreateBoardForm() {
  const t = useT()
  const ids = useId()
  const locale = useLocale((s) => s.locale)
  const [title, setTitle] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setFailed(false)
    try {
      const trimmed = title.trim()
      const created = await createBoard(trimmed ? { title: trimmed, locale } : { locale })
      enterAsCreator(created, name.trim(), `/b/${created.boardId}`)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <form className="card landing__form" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('landing.formHeading')}</h2>
      <TextField id={`${ids}-title`} label={t('landing.title')} hint={t('landing.titleHint')} value={title} maxLength={LIMITS.titleLength} onChange={setTitle} />
      <TextField
        id={`${ids}-name`}
        label={t('landing.name')}
        hint={t('landing.nameHint')}
        value={name}
        maxLength={LIMITS.nameLength}
        onChange={setName}
        autoComplete="nickname"
      />
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
  )
}
