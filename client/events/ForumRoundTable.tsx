import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import type { Overview } from './api'

/** One row per forum round: its state in numbers and the links to it. */
export function ForumRoundTable({ overview }: { readonly overview: Overview }) {
  const t = useT()
  return (
    // A region of its own that takes the focus, so the keyboard can scroll the table on a phone.
    <div className="event-table-wrap" tabIndex={0} role="region" aria-label={overview.title}>
      <table className="event-table">
        <caption>{overview.title}</caption>
        <thead>
          <tr>
            {(['events.forum', 'events.round', 'events.phase', 'events.present', 'events.notes', 'events.votes', 'events.report', 'events.links'] as const).map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.boards.map((b) => (
            <tr key={b.boardId}>
              <th scope="row">{b.forum}</th>
              <td>{b.round}</td>
              {b.state ? (
                <>
                  <td>{t(`phase.${b.state.phase}` as MessageKey)}</td>
                  <td>{b.state.present}</td>
                  <td>{b.state.notes}</td>
                  <td>{b.state.votes}</td>
                  <td>{t(b.state.reportDone ? 'events.reportDone' : 'events.reportOpen')}</td>
                </>
              ) : (
                <td colSpan={5}>{t('events.boardGone')}</td>
              )}
              <td>
                <span className="event-links">
                  <a href={b.participantUrl} aria-label={`${t('events.toBoard')}: ${b.forum}, ${t('events.round')} ${b.round}`}>
                    {t('events.toBoard')}
                  </a>
                  {b.moderatorUrl && (
                    <a href={b.moderatorUrl} aria-label={`${t('events.toModerate')}: ${b.forum}, ${t('events.round')} ${b.round}`}>
                      {t('events.toModerate')}
                    </a>
                  )}
                  <a href={b.presentationUrl} aria-label={`${t('events.toPresentation')}: ${b.forum}, ${t('events.round')} ${b.round}`}>
                    {t('events.toPresentation')}
                  </a>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
