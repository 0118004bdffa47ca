import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { NewAction } from '../../model/agreements'
import { LIMITS } from '../../model/limits'
import type { ActionView } from '../../model/view'
import { announce } from '../a11y/announce'
import { errorKey } from '../board/errors'
import { SaveCancel } from '../board/SaveCancel'
import { shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { addAgreement, updateAgreement } from '../store/agreements'
import type { ActionResult } from '../store/run'
import { LinkSelect } from './links'

/** The message for a refused change of a Maßnahme. */
export function messageFor(result: Extract<ActionResult, { ok: false }>): MessageKey {
  if (result.code === 'empty') return 'actions.whatRequired'
  if (result.code === 'tooLong') return 'actions.tooLong'
  return errorKey(result.code)
}

/** Runs an action; a RangeError (an impossible date) becomes a message, like model refusals. */
function attempt(change: () => ActionResult): ActionResult | { readonly ok: false; readonly code: 'date' } {
  try {
    return change()
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, code: 'date' }
    throw error
  }
}

interface Fields {
  what: string
  who: string
  until: string
  link: string
}

/** The fields as the model takes them: no link is null. */
function toAgreement(fields: Fields): NewAction & { readonly link: string | null } {
  return { what: fields.what, who: fields.who, until: fields.until, link: fields.link === '' ? null : fields.link }
}

function ActionFields({ fields, set, idPrefix, error }: { readonly fields: Fields; readonly set: (f: Fields) => void; readonly idPrefix: string; readonly error: MessageKey | null }) {
  const t = useT()
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-what`}>{t('actions.what')}</label>
        <input
          id={`${idPrefix}-what`}
          type="text"
          required
          aria-required="true"
          maxLength={LIMITS.actionLength}
          value={fields.what}
          aria-invalid={error === 'actions.whatRequired' ? true : undefined}
          aria-describedby={error ? `${idPrefix}-error` : undefined}
          onChange={(e) => set({ ...fields, what: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-who`}>{t('actions.who')}</label>
        <input id={`${idPrefix}-who`} type="text" maxLength={LIMITS.whoLength} value={fields.who} onChange={(e) => set({ ...fields, who: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-until`}>{t('actions.until')}</label>
        <input id={`${idPrefix}-until`} type="date" value={fields.until} onChange={(e) => set({ ...fields, until: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-link`}>{t('actions.link')}</label>
        <LinkSelect id={`${idPrefix}-link`} value={fields.link} onChange={(link) => set({ ...fields, link })} />
      </div>
      {error && (
        <p id={`${idPrefix}-error`} className="error">
          {t(error)}
        </p>
      )}
    </>
  )
}

function toMessage(result: ReturnType<typeof attempt>): MessageKey | null {
  if (result.ok) return null
  return result.code === 'date' ? 'error.invalidDate' : messageFor(result)
}

/** The form for a new Maßnahme; `link` preselects what it follows from (Besprechen: the item discussed). */
export function AddActionForm({ link = '' }: { readonly link?: string }) {
  const t = useT()
  const id = useId()
  const empty: Fields = { what: '', who: '', until: '', link }
  const [fields, setFields] = useState<Fields>(empty)
  const [error, setError] = useState<MessageKey | null>(null)

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const result = attempt(() => addAgreement(toAgreement(fields)))
    setError(toMessage(result))
    if (result.ok) {
      announce(t('announce.actionAdded', { what: shorten(fields.what) }))
      setFields(empty)
      document.getElementById(`${id}-what`)?.focus()
    } else document.getElementById(`${id}-what`)?.focus()
  }

  return (
    <form className="actions-form" aria-labelledby={`${id}-h`} onSubmit={onSubmit} noValidate>
      <h3 id={`${id}-h`}>{t('actions.formHeading')}</h3>
      <ActionFields fields={fields} set={setFields} idPrefix={id} error={error} />
      <button type="submit" className="button button--primary">
        {t('actions.add')}
      </button>
    </form>
  )
}

export function ActionEditor({ action, onDone }: { readonly action: ActionView; readonly onDone: () => void }) {
  const t = useT()
  const id = useId()
  const [fields, setFields] = useState<Fields>({ what: action.what, who: action.who, until: action.until, link: action.link ?? '' })
  const [error, setError] = useState<MessageKey | null>(null)
  function save() {
    const result = attempt(() => updateAgreement(action.id, toAgreement(fields)))
    setError(toMessage(result))
    if (result.ok) onDone()
  }
  return (
    <tr className="actions-table__row actions-table__row--editing">
      <td colSpan={6}>
        <div
          role="group"
          aria-label={t('actions.editLabel', { what: shorten(action.what) })}
          className="actions-form actions-form--inline"
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone()
            else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
              e.preventDefault()
              save()
            }
          }}
        >
          <ActionFields fields={fields} set={setFields} idPrefix={id} error={error} />
          <SaveCancel onSave={save} onCancel={onDone} labels={['actions.save', 'actions.cancel']} />
        </div>
      </td>
    </tr>
  )
}
