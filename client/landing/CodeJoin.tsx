import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { isEventCode, normaliseEventCode } from '../events/eventCode'
import { lookupCode } from '../joining/api'
import type { CodeLookup } from '../joining/api'
import { boardPath, eventCodePath, navigate } from '../router'

type Problem = { readonly key: MessageKey; readonly seconds?: number }

function problemOf(result: Exclude<CodeLookup, { kind: 'found' }>): Problem {
  switch (result.kind) {
    case 'malformed':
      return { key: 'joining.codeMalformed' }
    case 'unknown':
      return { key: 'joining.codeUnknown' }
    case 'rateLimited':
      return { key: 'joining.codeRateLimited', seconds: result.seconds }
    case 'failed':
      return { key: 'joining.codeFailed' }
  }
}

/** "Mit Code beitreten": the code the moderator shows in the call leads to the board's join screen. */
export function CodeJoin() {
  const t = useT()
  const ids = useId()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const field = useRef<HTMLInputElement>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    if (code.trim() === '') {
      setProblem({ key: 'joining.codeEmpty' })
      field.current?.focus()
      return
    }
    setBusy(true)
    setProblem(null)
    const result = await lookupCode(code)
    // Not a board's code: perhaps an event's (from the programme or the door), which leads to the forum choice.
    const eventCode = result.kind === 'unknown' && (await isEventCode(code)) ? normaliseEventCode(code) : null
    setBusy(false)
    if (result.kind === 'found') return navigate(boardPath(result.boardId))
    if (eventCode !== null) return navigate(eventCodePath(eventCode))
    setProblem(problemOf(result))
    field.current?.focus()
  }

  const describedBy = problem ? `${ids}-hint ${ids}-error` : `${ids}-hint`
  return (
    <form className="card landing__form landing__code" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-h`} noValidate>
      <h2 id={`${ids}-h`}>{t('joining.codeHeading')}</h2>
      <div className="field">
        <label htmlFor={`${ids}-code`}>{t('joining.codeLabel')}</label>
        <input
          ref={field}
          id={`${ids}-code`}
          className="landing__code-input"
          type="text"
          value={code}
          maxLength={24}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setCode(e.target.value)}
        />
        <p id={`${ids}-hint`} className="hint">
          {t('joining.codeHint')} {t('events.codeBoxHint')}
        </p>
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('joining.codeSubmit')}
      </button>
      <p role="status" className="hint">
        {busy ? t('joining.codeChecking') : ''}
      </p>
      {problem && (
        <p id={`${ids}-error`} role="alert" className="error">
          {t(problem.key, problem.seconds === undefined ? undefined : { seconds: problem.seconds })}
        </p>
      )}
    </form>
  )
}
