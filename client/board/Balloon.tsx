import { memo, useId, useMemo } from 'react'
import { useT } from '../i18n/index'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { balloonKey } from '../theme/balloonPicture'
import type { BalloonPicture, Sandbag } from '../theme/balloonPicture'

/*
 * Our own artwork of the method's picture: the envelope full of hot air (Steigen) at the top,
 * the burner's flame (Einheizen) in the middle, the basket with sandbags (Unten halten, one per
 * cluster) below, and once the vote has ended a gauge of the Steighöhe (model/lift.ts) with
 * the balloon a little higher or lower. The words of the picture are in its text alternative.
 */

const CX = 120
const TOP = 40
const THROAT = 250
const GORES = 8
/** How far (in picture units) the balloon rises at balance +1 or sinks at −1. */
const TRAVEL = 22
const GAUGE_MID = 196
const GAUGE_SPAN = 110

/** The seam between gore i and i+1 as a cubic curve from the crown to the throat, as `x` offsets. */
function seam(k: number): { readonly c1: number; readonly c2: number; readonly end: number } {
  return { c1: CX + k * 24, c2: CX + k * 25, end: CX + k * 4.5 }
}

/** Every second gore as a closed path, clipped to the envelope. */
function stripes(): string[] {
  const paths: string[] = []
  for (let i = -GORES / 2; i < GORES / 2; i += 2) {
    const a = seam(i)
    const b = seam(i + 1)
    paths.push(
      `M${CX} ${TOP} C${a.c1} ${TOP + 10} ${a.c2} 210 ${a.end} ${THROAT} ` +
        `L${b.end} ${THROAT} C${b.c2} 210 ${b.c1} ${TOP + 10} ${CX} ${TOP} Z`,
    )
  }
  return paths
}

const STRIPES = stripes()
const ENVELOPE = `M${CX} ${TOP} C70 ${TOP} 32 88 34 136 C36 184 88 222 104 ${THROAT} L136 ${THROAT} C152 222 204 184 206 136 C208 88 170 ${TOP} ${CX} ${TOP} Z`
const PLAIN_BAGS: readonly Sandbag[] = [
  { id: 'a', title: '', votes: 0 },
  { id: 'b', title: '', votes: 0 },
  { id: 'c', title: '', votes: 0 },
]
const LABEL_CHARS = 14

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS - 1)}…` : line
}

function votes(t: Translate, n: number): string {
  return t('lift.votes', { count: n })
}

/** The sentence a screen reader hears instead of the picture. */
function describe(t: Translate, picture: BalloonPicture): string {
  const parts = [
    t('look.balloon', {
      steigen: t('zone.steigen.title'),
      untenHalten: t('zone.untenHalten.title'),
      einheizen: t('zone.einheizen.title'),
    }),
  ]
  const titles = picture.sandbags.map((bag) => bag.title.trim() || t('cluster.untitled'))
  if (picture.moreSandbags > 0) titles.push(t('look.moreSandbags', { count: picture.moreSandbags }))
  if (titles.length > 0) parts.push(t('look.sandbags', { titles: titles.join(', ') }))
  const { lift } = picture
  if (lift.state !== 'open') parts.push(t(`lift.${lift.state}`, { lift: votes(t, lift.lift), ballast: votes(t, lift.ballast) }))
  return parts.join(' ')
}

/** Width of a label in picture units, generous for bold system fonts (jsdom has no getBBox). */
function labelWidth(text: string, size: number): number {
  return Array.from(text).length * size * 0.66 + 10
}

interface LabelProps {
  readonly x: number
  readonly y: number
  readonly text: string
  readonly size: number
  readonly anchor: 'start' | 'middle' | 'end'
  readonly kind: 'zone' | 'side' | 'bag'
}

/** Text on a plate of the page's paper colour, so it keeps its contrast on any part of the picture. */
function Label({ x, y, text, size, anchor, kind }: LabelProps) {
  const width = labelWidth(text, size)
  const left = anchor === 'start' ? x - 5 : anchor === 'end' ? x - width + 5 : x - width / 2
  return (
    <g className={`balloon__label balloon__label--${kind}`}>
      <rect className="balloon__plate" x={left} y={y - size * 1.05} width={width} height={size * 1.45} rx={size * 0.4} />
      <text x={x} y={y} textAnchor={anchor} style={{ fontSize: size }}>
        {text}
      </text>
    </g>
  )
}

interface SandbagsProps {
  readonly bags: readonly Sandbag[]
  readonly more: number
  readonly sand: string
  readonly labelSize: number
  readonly t: Translate
}

/** Sandbags on ropes from the basket, labelled with their clusters' titles (alternating rows, so labels do not collide). */
function Sandbags({ bags, more, sand, labelSize, t }: SandbagsProps) {
  const labelled = bags.length > 0
  const shown = labelled ? bags : PLAIN_BAGS
  const heaviest = Math.max(1, ...shown.map((b) => b.votes))
  const gap = shown.length === 1 ? 0 : Math.min(60, 160 / (shown.length - 1))
  const first = CX - (gap * (shown.length - 1)) / 2
  return (
    <g className="balloon__sandbags">
      {shown.map((bag, i) => {
        const x = first + i * gap
        const scale = bag.votes > 0 ? 0.9 + (0.45 * bag.votes) / heaviest : 1
        const row = labelled && i % 2 === 1 ? 16 : 0
        const hang = 352 + row / 2
        return (
          <g key={bag.id}>
            <line className="balloon__rope" x1={x < CX ? 104 : x > CX ? 136 : CX} y1="334" x2={x} y2={hang} />
            <path
              className="balloon__bag"
              transform={`translate(${x} ${hang}) scale(${scale})`}
              d="M0 0 c-8 2 -11 10 -9 16 c2 5 16 5 18 0 c2 -6 -1 -14 -9 -16 z"
              fill={`url(#${sand})`}
            />
            {labelled && <Label kind="bag" x={x} y={hang + 40 + row / 2} size={labelSize} anchor="middle" text={clip(bag.title.trim() || t('cluster.untitled'))} />}
          </g>
        )
      })}
      {more > 0 && <Label kind="bag" x={CX} y={432} size={labelSize} anchor="middle" text={t('look.moreSandbags', { count: more })} />}
    </g>
  )
}

/** The Steighöhe: a scale at the side with a marker; only once the vote has ended. */
function Gauge({ balance, t }: { readonly balance: number; readonly t: Translate }) {
  const y = GAUGE_MID - balance * GAUGE_SPAN
  return (
    <g className="balloon__gauge">
      <line className="balloon__scale" x1="300" y1={GAUGE_MID - GAUGE_SPAN} x2="300" y2={GAUGE_MID + GAUGE_SPAN} />
      {[-1, -0.5, 0, 0.5, 1].map((k) => (
        <line key={k} className="balloon__scale" x1={k === 0 ? 292 : 295} y1={GAUGE_MID - k * GAUGE_SPAN} x2="300" y2={GAUGE_MID - k * GAUGE_SPAN} />
      ))}
      <path className="balloon__marker" d={`M300 ${y} l12 -8 v16 z`} />
      {/* Left of the scale: the marker moves on its right and must never cover the word. */}
      <text className="balloon__gauge-label" x="283" y={GAUGE_MID} textAnchor="middle" transform={`rotate(-90 283 ${GAUGE_MID})`}>
        {t('lift.gauge')}
      </text>
    </g>
  )
}

interface Props {
  /** `large` for a shared screen (bigger labels); the width always follows the container. */
  readonly size?: 'regular' | 'large'
}

/**
 * The balloon of the board in the store (on a page without a board: the plain picture). Its
 * selector yields one string, so typing a note does not render it again.
 */
export const Balloon = memo(function Balloon({ size = 'regular' }: Props) {
  const t = useT()
  const key = useBoard(balloonKey)
  const picture = useMemo(() => JSON.parse(key) as BalloonPicture, [key])
  const raw = useId()
  // Gradient ids unique per picture (a page may show two); only characters a url(#…) accepts.
  const uid = `bf${raw.replace(/[^a-zA-Z0-9]/g, '')}`
  const { lift } = picture
  const rise = lift.state === 'open' ? 0 : -lift.balance * TRAVEL
  return (
    // The frame lets the labels go when the picture is too small to read them (board.css).
    <div className="balloon-frame">
      <svg
        className={`balloon balloon--${size}`}
        data-lift={lift.state}
        viewBox="0 -24 330 480"
        role="img"
        aria-label={describe(t, picture)}
        focusable="false"
      >
        <defs>
          <radialGradient id={`${uid}-envelope`} cx="38%" cy="30%" r="75%">
            <stop offset="0" stopColor="#f07a4f" />
            <stop offset="0.55" stopColor="#d9462a" />
            <stop offset="1" stopColor="#8f2615" />
          </radialGradient>
          <linearGradient id={`${uid}-stripe`} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#fff1d6" />
            <stop offset="1" stopColor="#f2b96b" />
          </linearGradient>
          <radialGradient id={`${uid}-shade`} cx="36%" cy="28%" r="80%">
            <stop offset="0" stopColor="#ffffff" stopOpacity="0.45" />
            <stop offset="0.35" stopColor="#ffffff" stopOpacity="0" />
            <stop offset="0.8" stopColor="#3b0d05" stopOpacity="0.08" />
            <stop offset="1" stopColor="#3b0d05" stopOpacity="0.35" />
          </radialGradient>
          <radialGradient id={`${uid}-glow`} cx="50%" cy="50%" r="50%">
            <stop offset="0" stopColor="#ffd65c" stopOpacity="0.9" />
            <stop offset="1" stopColor="#ff9d2e" stopOpacity="0" />
          </radialGradient>
          <linearGradient id={`${uid}-flame`} x1="0" y1="1" x2="0" y2="0">
            <stop offset="0" stopColor="#2f6fd6" />
            <stop offset="0.2" stopColor="#ffe27a" />
            <stop offset="0.6" stopColor="#ff9d2e" />
            <stop offset="1" stopColor="#e3401f" />
          </linearGradient>
          <linearGradient id={`${uid}-basket`} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#b98248" />
            <stop offset="1" stopColor="#7a4f25" />
          </linearGradient>
          <linearGradient id={`${uid}-sand`} x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#d8c3a0" />
            <stop offset="1" stopColor="#9c8460" />
          </linearGradient>
          <clipPath id={`${uid}-clip`}>
            <path d={ENVELOPE} />
          </clipPath>
        </defs>

        {lift.state !== 'open' && <Gauge balance={lift.balance} t={t} />}

        <g className="balloon__craft" style={{ transform: `translate(20px, ${rise}px)` }}>
          <g className="balloon__air" fill="none" strokeWidth="3" strokeLinecap="round">
            <path d="M92 30 q-6 -8 0 -16 q6 -8 0 -14" />
            <path d="M120 22 q-6 -8 0 -14 q6 -7 0 -8" />
            <path d="M148 30 q-6 -8 0 -16 q6 -8 0 -14" />
          </g>

          <path d={ENVELOPE} fill={`url(#${uid}-envelope)`} />
          <g clipPath={`url(#${uid}-clip)`}>
            {STRIPES.map((d) => (
              <path key={d} d={d} fill={`url(#${uid}-stripe)`} />
            ))}
            <path d={ENVELOPE} fill={`url(#${uid}-shade)`} />
            <path d="M30 150 Q120 176 210 150" fill="none" stroke="#7a2012" strokeOpacity="0.25" strokeWidth="3" />
          </g>
          <path className="balloon__outline" d={ENVELOPE} fill="none" strokeWidth="1.5" />
          <path d={`M104 ${THROAT} L136 ${THROAT} L132 262 L108 262 Z`} fill="#8f2615" />

          <g className="balloon__rope">
            <line x1="108" y1="262" x2="100" y2="300" />
            <line x1="132" y1="262" x2="140" y2="300" />
            <line x1="114" y1="262" x2="112" y2="282" />
            <line x1="126" y1="262" x2="128" y2="282" />
          </g>

          <ellipse className="balloon__glow" cx="120" cy="262" rx="30" ry="26" fill={`url(#${uid}-glow)`} />
          <path
            className="balloon__flame"
            d="M120 244 C112 256 110 266 114 276 L126 276 C130 266 128 256 120 244 Z"
            fill={`url(#${uid}-flame)`}
          />
          <rect x="110" y="276" width="20" height="8" rx="2" fill="#4a4f57" />
          <rect x="112" y="284" width="16" height="3" fill="#2f3338" />

          <path className="balloon__basket" d="M98 300 L142 300 L138 334 L102 334 Z" fill={`url(#${uid}-basket)`} strokeWidth="1.5" />
          <rect x="95" y="296" width="50" height="7" rx="3" fill="#8b5a2b" />
          <g className="balloon__weave" strokeWidth="1">
            <line x1="100" y1="313" x2="140" y2="313" />
            <line x1="101" y1="324" x2="139" y2="324" />
            <line x1="112" y1="303" x2="113" y2="334" />
            <line x1="128" y1="303" x2="127" y2="334" />
          </g>

          <Sandbags bags={picture.sandbags} more={picture.moreSandbags} sand={`${uid}-sand`} labelSize={size === 'large' ? 14 : 12} t={t} />

          <Label kind="zone" x={CX} y={150} size={17} anchor="middle" text={t('zone.steigen.title')} />
          <Label kind="side" x={94} y={272} size={13} anchor="end" text={t('zone.einheizen.title')} />
          <Label kind="side" x={92} y={322} size={13} anchor="end" text={t('zone.untenHalten.title')} />
        </g>
      </svg>
    </div>
  )
})
