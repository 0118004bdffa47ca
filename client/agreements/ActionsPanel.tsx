import { memo, useId, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../model/limits'
import type { ActionView, BoardView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { announce } from '../a11y/announce'
import { errorKey } from '../board/errors'
import { clusterTitle, shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import type { MessageKey, Translate } from '../i18n/index'
import { formatDay } from '../i18n/format'
import { addAgreement, deleteAgreement, updateAgreement } from '../store/agreements'
import { useBoard } from '../store/board'
import { useLocale } from '../store/locale'
import { useMayEditActions } from '../store/permissions'
import type { ActionResult } from '../store/run'

/** Einheizen first: that is where the next steps usually come from. */
const LINK_ZONES: readonly ZoneId[] = ['einheizen', 'untenHalten', 'steigen']

interface LinkOption {
  readonly id: string
  readonly label: string
}

function linkOptions(t: Translate, zones: BoardView['zones']): { zone: ZoneId; options: LinkOption[] }[] {
  return LINK_ZONES.map((zone) => ({
    zone,
    options: [
      ...zones[zone].clusters.map((c) => ({ id: c.id, label: t('actions.linkCluster', { title: clusterTitle(t, c) }) })),
      ...zones[zone].loose.map((n) => ({ id: n.id, label: t('actions.linkNote', { text: shorten(n.text) }) })),
    ],
  }))
}

function useLinkGroups() {
  const t = useT()
  const zones = useBoard((s) => s.zones)
  return linkOptions(t, zones)
}

function messageFor(result: Extract<ActionResult, { ok: false }>): MessageKey {
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

function LinkSelect({ id, value, onChange }: { readonly id: string; readonly value: string; readonly onChange: (value: string) => void }) {
  const t = useT()
  const groups = useLinkGroups()
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('actions.noLink')}</option>
      {groups.map(({ zone, options }) =>
        options.length === 0 ? null : (
          <optgroup key={zone} label={t(`zone.${zone}.title`)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  )
}

/** The agreed actions (Maßnahmen) as a table, with a form and inline editing for those allowed. */
export function ActionsPanel() {
  const t = useT()
  const id = useId()
  const actions = useBoard((s) => s.actions)
  const editable = useMayEditActions()
  return (
    <section className="actions-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('actions.heading')}</h2>
      {actions.length === 0 ? (
        <p>{t('actions.none')}</p>
      ) : (
        <div className="actions-panel__scroll">
          <table className="actions-table">
            <caption>{t('actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.what')}</th>
                <th scope="col">{t('actions.who')}</th>
                <th scope="col">{t('actions.until')}</th>
                <th scope="col">{t('actions.link')}</th>
                <th scope="col">{t('actions.done')}</th>
                {editable && <th scope="col">{t('actions.controls')}</th>}
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <ActionRow key={action.id} action={action} editable={editable} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <AddActionForm />}
    </section>
  )
}


function useLinkLabel(link: string | null): string {
  const t = useT()
  const zones = useBoard((s) => s.zones)
  if (link === null) return '—'
  for (const { options } of linkOptions(t, zones)) {
    const found = options.find((o) => o.id === link)
    if (found) return found.label
  }
  // A note inside a cluster is not offered, but may be linked.
  for (const zone of LINK_ZONES) {
    const note = zones[zone].notes.find((n) => n.id === link)
    if (note) return t('actions.linkNote', { text: shorten(note.text) })
  }
  return '—'
}

const ActionRow = memo(function ActionRow({ action, editable }: { readonly action: ActionView; readonly editable: boolean }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const link = useLinkLabel(action.link)
  const what = shorten(action.what)
  if (editing) return <ActionEditor action={action} onDone={() => setEditing(false)} />
  return (
    <tr className={action.done ? 'actions-table__row actions-table__row--done' : 'actions-table__row'}>
      {/* data-label: on narrow screens each row is a card with the column's name before each value (board.css). */}
      <td data-label={t('actions.what')}>{action.what}</td>
      <td data-label={t('actions.who')}>{action.who === '' ? '—' : action.who}</td>
      <td data-label={t('actions.until')}>
        {action.until === '' ? '—' : <time dateTime={action.until}>{formatDay(action.until, locale)}</time>}
      </td>
      <td data-label={t('actions.link')}>{link}</td>
      <td data-label={t('actions.done')}>
        {editable ? (
          <input
            type="checkbox"
            checked={action.done}
            aria-label={t('actions.doneLabel', { what })}
            onChange={(e) => {
              const result = updateAgreement(action.id, { done: e.target.checked })
              setError(result.ok ? null : messageFor(result))
            }}
          />
        ) : action.done ? (
          t('actions.yes')
        ) : (
          t('actions.no')
        )}
      </td>
      {editable && (
        <td>
          <div className="note__actions">
            <button type="button" className="button button--small" aria-label={t('actions.editLabel', { what })} onClick={() => setEditing(true)}>
              {t('actions.edit')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={t('actions.deleteLabel', { what })}
              onClick={() => {
                const result = deleteAgreement(action.id)
                if (result.ok) announce(t('announce.actionDeleted', { what }))
                else setError(messageFor(result))
              }}
            >
              {t('actions.delete')}
            </button>
          </div>
          {error && <p className="error">{t(error)}</p>}
        </td>
      )}
    </tr>
  )
})

interface Fields {
  what: string
  who: string
  until: string
  link: string
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

function AddActionForm() {
  const t = useT()
  const id = useId()
  const empty: Fields = { what: '', who: '', until: '', link: '' }
  const [fields, setFields] = useState<Fields>(empty)
  const [error, setError] = useState<MessageKey | null>(null)

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const result = attempt(() => addAgreement({ what: fields.what, who: fields.who, until: fields.until, link: fields.link === '' ? null : fields.link }))
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

function ActionEditor({ action, onDone }: { readonly action: ActionView; readonly onDone: () => void }) {
  const t = useT()
  const id = useId()
  const [fields, setFields] = useState<Fields>({ what: action.what, who: action.who, until: action.until, link: action.link ?? '' })
  const [error, setError] = useState<MessageKey | null>(null)
  function save() {
    const result = attempt(() => updateAgreement(action.id, { what: fields.what, who: fields.who, until: fields.until, link: fields.link === '' ? null : fields.link }))
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
          <div className="note__actions">
            <button type="button" className="button button--small button--primary" onClick={save}>
              {t('actions.save')}
            </button>
            <button type="button" className="button button--small" onClick={onDone}>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      </td>
    </tr>
  )
}
