import { useId } from 'react'
import { eventFacts } from '../../model/export/event/eventReport'
import type { EventForum, EventForumRound, EventReport, EventZone } from '../../model/export/event/eventReport'
import { EVENT_LABELS } from '../../model/export/event/labels'
import { LABELS } from '../../model/export/labels'

/**
 * The combined report as a document: it speaks the event's language (as its files do), whatever
 * the reader's interface says. Per zone every forum; a forum's rounds stand side by side.
 */
export function EventReportView({ report }: { readonly report: EventReport }) {
  return (
    <article className="event-report" lang={report.locale}>
      <h1 tabIndex={-1}>{report.title}</h1>
      <dl className="event-report__facts">
        {eventFacts(report).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="event-report__prose">{report.prose.intro}</p>
      {report.zones.map((zone) => (
        <Zone key={zone.zone} zone={zone} report={report} />
      ))}
      <Actions report={report} />
    </article>
  )
}

function Zone({ zone, report }: { readonly zone: EventZone; readonly report: EventReport }) {
  const id = useId()
  return (
    <section className={`event-report__zone event-report__zone--${zone.zone}`} aria-labelledby={id}>
      <h2 id={id}>{zone.heading}</h2>
      <p className="event-report__prose">{report.prose.zones[zone.zone]}</p>
      {zone.forums.map((f) => (
        <Forum key={f.forum} forum={f} report={report} />
      ))}
    </section>
  )
}

function Forum({ forum, report }: { readonly forum: EventForum; readonly report: EventReport }) {
  const e = EVENT_LABELS[report.locale]
  return (
    <div className="event-report__forum">
      <h3>{forum.forum}</h3>
      {forum.rounds.length === 0 ? (
        <p className="event-report__empty">{e.notRun}</p>
      ) : (
        <div className="event-report__rounds">
          {forum.rounds.map((r) => (
            <Round key={r.round} round={r} report={report} />
          ))}
        </div>
      )}
    </div>
  )
}

/** One forum round's top clusters, most votes first: a column beside the forum's other rounds. */
function Round({ round, report }: { readonly round: EventForumRound; readonly report: EventReport }) {
  const e = EVENT_LABELS[report.locale]
  const t = LABELS[report.locale]
  return (
    <section className="event-report__round" aria-label={round.label}>
      <h4>{round.label}</h4>
      {round.items.length === 0 ? (
        <p className="event-report__empty">{e.nothing}</p>
      ) : (
        <ol>
          {round.items.map((item, i) => (
            <li key={i}>
              <strong>{item.title}</strong> <span className="event-report__count">({[e.notes(item.notes), item.votes > 0 ? t.votes(item.votes) : ''].filter(Boolean).join(', ')})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function Actions({ report }: { readonly report: EventReport }) {
  const t = LABELS[report.locale]
  const e = EVENT_LABELS[report.locale]
  const id = useId()
  return (
    <section className="event-report__actions" aria-labelledby={id}>
      <h2 id={id}>{t.actions}</h2>
      <p className="event-report__prose">{report.prose.actions}</p>
      {report.actions.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        // A region of its own that takes the focus, so the keyboard can scroll a table wider than a phone.
        <div className="event-table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
          <table className="event-table">
            <thead>
              <tr>
                {[e.forum, t.what, t.who, t.until, t.done].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.actions.map((a, i) => (
                <tr key={i}>
                  <th scope="row">{a.label}</th>
                  <td>{a.what}</td>
                  <td>{a.who}</td>
                  <td>{a.until}</td>
                  <td>{a.done ? t.yes : t.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
