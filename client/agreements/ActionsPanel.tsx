import { memo, useId, useState } from 'react'
import type { ActionView } from '../../model/view'
import { announce } from '../a11y/announce'
import { shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { formatDay } from '../i18n/format'
import { deleteAgreement, updateAgreement } from '../store/agreements'
import { useBoard } from '../store/board'
import { useLocale } from '../store/locale'
import { useMayEditActions } from '../store/permissions'
import { ActionEditor, AddActionForm, messageFor } from './ActionForm'
import { useLinkLabel } from './links'

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
