import { memo, useId, useMemo } from 'react'
import { formatNumber } from '../../model/export/format'
import { LABELS } from '../../model/export/labels'
import { reportFacts } from '../../model/export/report'
import type { Report, ReportNote, ReportSection } from '../../model/export/report'
import { paragraphs } from '../../model/export/text'
import { pictureSvg } from './picture'
import { pictureInput, reportT } from './pictureInput'

/** "Steigen – Förderliche Faktoren" */
export function sectionTitle(section: ReportSection): string {
  return `${section.zoneTitle} – ${section.heading}`
}

/** The balloon with the cluster titles; the same SVG as the PNG export. */
const Picture = memo(function Picture({ svg, label }: { readonly svg: string; readonly label: string }) {
  // The string is built by pictureSvg, which escapes every text it takes from the board.
  return <div className="report-picture" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
})

function Votes({ count, report }: { readonly count: number; readonly report: Report }) {
  if (!report.showVotes) return null
  return <span className="report-votes">{LABELS[report.locale].votes(count)}</span>
}

function Notes({ notes, report, votes }: { readonly notes: readonly ReportNote[]; readonly report: Report; readonly votes: boolean }) {
  return (
    <ul className="report-notes">
      {notes.map((note, i) => (
        <li key={i}>
          <span className="report-note__text">{note.text}</span>
          {votes && note.votes > 0 && (
            <>
              {' '}
              <Votes count={note.votes} report={report} />
            </>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The report's running text: one <p> per paragraph. */
function Prose({ text }: { readonly text: string }) {
  return (
    <>
      {paragraphs(text).map((paragraph, i) => (
        <p key={i} className="report-prose">
          {paragraph}
        </p>
      ))}
    </>
  )
}

function Section({ section, report }: { readonly section: ReportSection; readonly report: Report }) {
  const id = useId()
  const labels = LABELS[report.locale]
  const paragraph = report.prose.zones[section.zone]
  const empty = section.clusters.length === 0 && section.loose.length === 0
  return (
    <section className={`report-section report-section--${section.zone}`} aria-labelledby={id}>
      <h2 id={id}>{sectionTitle(section)}</h2>
      <p className="report-section__question">{section.question}</p>
      <Prose text={paragraph} />
      {empty && <p className="report-section__empty">{labels.noNotes}</p>}
      {section.clusters.length > 0 && (
        <ol className="report-clusters">
          {section.clusters.map((cluster, i) => (
            <li key={i} className="report-cluster">
              <h3 className="report-cluster__title">
                {cluster.title} <Votes count={cluster.votes} report={report} />
              </h3>
              <Notes notes={cluster.notes} report={report} votes={false} />
            </li>
          ))}
        </ol>
      )}
      {section.loose.length > 0 && (
        <div className="report-loose">
          <h3>{section.clusters.length > 0 ? labels.looseNotes : labels.notes}</h3>
          <Notes notes={section.loose} report={report} votes />
        </div>
      )}
    </section>
  )
}

function Actions({ report }: { readonly report: Report }) {
  const id = useId()
  const labels = LABELS[report.locale]
  return (
    <section className="report-section report-actions" aria-labelledby={id}>
      <h2 id={id}>{labels.actions}</h2>
      <Prose text={report.prose.actions} />
      {report.actions.length === 0 ? (
        <p className="report-section__empty">{labels.noActions}</p>
      ) : (
        <table className="report-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{labels.what}</th>
              <th scope="col">{labels.who}</th>
              <th scope="col">{labels.until}</th>
              <th scope="col">{labels.link}</th>
              <th scope="col">{labels.done}</th>
            </tr>
          </thead>
          <tbody>
            {report.actions.map((action, i) => (
              <tr key={i}>
                {/* data-label: on narrow screens each row is a card with the column's name before each value (report.css). */}
                <td data-label={labels.what}>{action.what}</td>
                <td data-label={labels.who}>{action.who}</td>
                <td data-label={labels.until}>{action.until}</td>
                <td data-label={labels.link}>{action.link}</td>
                <td data-label={labels.done}>{action.done ? labels.yes : labels.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** A follow-up meeting's Rückblick (model/export/review.ts), on screen and in print. */
function Review({ report }: { readonly report: Report }) {
  const id = useId()
  const review = report.review
  if (!review) return null
  return (
    <section className="report-section report-review" aria-labelledby={id}>
      <h2 id={id}>{review.heading}</h2>
      <Prose text={review.summary} />
      <table className="report-table" aria-labelledby={id}>
        <thead>
          <tr>
            {review.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {review.items.map((item, i) => (
            <tr key={i}>
              {[item.what, item.who, item.until, item.status, item.note].map((value, c) => (
                <td key={c} data-label={review.columns[c]}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Fazit({ report }: { readonly report: Report }) {
  const id = useId()
  if (report.prose.fazit.trim() === '') return null
  return (
    <section className="report-section report-fazit" aria-labelledby={id}>
      <h2 id={id}>{LABELS[report.locale].fazit}</h2>
      <Prose text={report.prose.fazit} />
    </section>
  )
}

/** Date, time, format, place, organiser, topic, participants and institutions: those given. */
function HeaderFacts({ report }: { readonly report: Report }) {
  const facts = reportFacts(report, (n) => formatNumber(n, report.locale))
  return (
    <dl className="report-doc__meta">
      {facts.map(([label, value]) => (
        <div key={label} className="report-doc__meta-item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** The report as a document: title, date, topic and participants, the picture, the zones, the actions. */
export function ReportView({ report }: { readonly report: Report }) {
  const svg = useMemo(() => pictureSvg(pictureInput(report)), [report])
  const t = reportT(report)
  return (
    <article className="report-doc" lang={report.locale}>
      <header className="report-doc__header">
        <h1>{report.title}</h1>
        <HeaderFacts report={report} />
      </header>
      <Prose text={report.prose.intro} />
      <Picture svg={svg} label={t('report.picture')} />
      <Review report={report} />
      {report.sections.map((section) => (
        <Section key={section.zone} section={section} report={report} />
      ))}
      <Actions report={report} />
      <Fazit report={report} />
    </article>
  )
}
