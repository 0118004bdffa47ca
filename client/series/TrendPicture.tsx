import type { SeriesMeeting } from '../../model/series'

const WIDTH = 480
const HEIGHT = 160
const PAD = 28

/** The Steighöhe as a whole number from −100 to +100, or null before the vote ended. */
export function liftValue(meeting: SeriesMeeting): number | null {
  return meeting.lift.state === 'open' ? null : Math.round(meeting.lift.balance * 100)
}

/**
 * The Steighöhe per meeting as a small line picture: one point per meeting with a counted vote,
 * the zero line in the middle. Decorative for screen readers: the table beside it has the values.
 */
export function TrendPicture({ meetings }: { readonly meetings: readonly SeriesMeeting[] }) {
  const step = meetings.length > 1 ? (WIDTH - 2 * PAD) / (meetings.length - 1) : 0
  const x = (i: number) => (meetings.length > 1 ? PAD + i * step : WIDTH / 2)
  const y = (value: number) => HEIGHT / 2 - (value / 100) * (HEIGHT / 2 - PAD / 2)
  const points = meetings.flatMap((m, i) => {
    const value = liftValue(m)
    return value === null ? [] : [{ x: x(i), y: y(value), value, n: m.number }]
  })
  return (
    <svg className="series-trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false">
      <line x1={PAD / 2} x2={WIDTH - PAD / 2} y1={y(0)} y2={y(0)} className="series-trend__zero" />
      {points.length > 1 && <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className="series-trend__line" />}
      {points.map((p) => (
        <g key={p.n}>
          <circle cx={p.x} cy={p.y} r={5} className="series-trend__point" />
          <text x={p.x} y={p.y - 10} textAnchor="middle" className="series-trend__label">
            {p.value > 0 ? `+${p.value}` : p.value}
          </text>
        </g>
      ))}
      {meetings.map((m, i) => (
        <text key={m.number} x={x(i)} y={HEIGHT - 4} textAnchor="middle" className="series-trend__label">
          {m.number}
        </text>
      ))}
    </svg>
  )
}
