import { memo } from 'react'

/*
 * Our own artwork of the method's picture: the envelope full of hot air (Steigen) at the top,
 * the burner's flame (Einheizen) in the middle, the basket with sandbags (Unten halten) below.
 * Decorative: the zones say everything in words. Gradient ids are fixed because the page
 * shows one balloon at a time.
 */

const CX = 120
const TOP = 40
const THROAT = 250
const GORES = 8

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

export const Balloon = memo(function Balloon() {
  return (
    <svg className="balloon" viewBox="0 0 240 372" aria-hidden="true" focusable="false">
      <defs>
        <radialGradient id="bf-envelope" cx="38%" cy="30%" r="75%">
          <stop offset="0" stopColor="#f07a4f" />
          <stop offset="0.55" stopColor="#d9462a" />
          <stop offset="1" stopColor="#8f2615" />
        </radialGradient>
        <linearGradient id="bf-stripe" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#fff1d6" />
          <stop offset="1" stopColor="#f2b96b" />
        </linearGradient>
        <radialGradient id="bf-shade" cx="36%" cy="28%" r="80%">
          <stop offset="0" stopColor="#ffffff" stopOpacity="0.45" />
          <stop offset="0.35" stopColor="#ffffff" stopOpacity="0" />
          <stop offset="0.8" stopColor="#3b0d05" stopOpacity="0.08" />
          <stop offset="1" stopColor="#3b0d05" stopOpacity="0.35" />
        </radialGradient>
        <radialGradient id="bf-glow" cx="50%" cy="50%" r="50%">
          <stop offset="0" stopColor="#ffd65c" stopOpacity="0.9" />
          <stop offset="1" stopColor="#ff9d2e" stopOpacity="0" />
        </radialGradient>
        <linearGradient id="bf-flame" x1="0" y1="1" x2="0" y2="0">
          <stop offset="0" stopColor="#2f6fd6" />
          <stop offset="0.2" stopColor="#ffe27a" />
          <stop offset="0.6" stopColor="#ff9d2e" />
          <stop offset="1" stopColor="#e3401f" />
        </linearGradient>
        <linearGradient id="bf-basket" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#b98248" />
          <stop offset="1" stopColor="#7a4f25" />
        </linearGradient>
        <linearGradient id="bf-sand" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#d8c3a0" />
          <stop offset="1" stopColor="#9c8460" />
        </linearGradient>
        <clipPath id="bf-clip">
          <path d={ENVELOPE} />
        </clipPath>
      </defs>

      <g className="balloon__air" fill="none" stroke="#e98a3c" strokeWidth="3" strokeLinecap="round" opacity="0.55">
        <path d="M92 30 q-6 -8 0 -16 q6 -8 0 -14" />
        <path d="M120 22 q-6 -8 0 -14 q6 -7 0 -8" />
        <path d="M148 30 q-6 -8 0 -16 q6 -8 0 -14" />
      </g>

      <path d={ENVELOPE} fill="url(#bf-envelope)" />
      <g clipPath="url(#bf-clip)">
        {STRIPES.map((d) => (
          <path key={d} d={d} fill="url(#bf-stripe)" />
        ))}
        <path d={ENVELOPE} fill="url(#bf-shade)" />
        <path d="M30 150 Q120 176 210 150" fill="none" stroke="#7a2012" strokeOpacity="0.25" strokeWidth="3" />
      </g>
      <path d={ENVELOPE} fill="none" stroke="#6e1d0f" strokeOpacity="0.45" strokeWidth="1.5" />
      <path d={`M104 ${THROAT} L136 ${THROAT} L132 262 L108 262 Z`} fill="#8f2615" />

      <g stroke="#5a3a1c" strokeWidth="1.4">
        <line x1="108" y1="262" x2="100" y2="300" />
        <line x1="132" y1="262" x2="140" y2="300" />
        <line x1="114" y1="262" x2="112" y2="282" />
        <line x1="126" y1="262" x2="128" y2="282" />
      </g>

      <ellipse className="balloon__glow" cx="120" cy="262" rx="30" ry="26" fill="url(#bf-glow)" />
      <path
        className="balloon__flame"
        d="M120 244 C112 256 110 266 114 276 L126 276 C130 266 128 256 120 244 Z"
        fill="url(#bf-flame)"
      />
      <rect x="110" y="276" width="20" height="8" rx="2" fill="#4a4f57" />
      <rect x="112" y="284" width="16" height="3" fill="#2f3338" />

      <path d="M98 300 L142 300 L138 334 L102 334 Z" fill="url(#bf-basket)" stroke="#5a3a1c" strokeWidth="1.5" />
      <rect x="95" y="296" width="50" height="7" rx="3" fill="#8b5a2b" />
      <g stroke="#5a3a1c" strokeOpacity="0.6" strokeWidth="1">
        <line x1="100" y1="313" x2="140" y2="313" />
        <line x1="101" y1="324" x2="139" y2="324" />
        <line x1="112" y1="303" x2="113" y2="334" />
        <line x1="128" y1="303" x2="127" y2="334" />
      </g>

      <g stroke="#5a3a1c" strokeWidth="1.2">
        <line x1="104" y1="334" x2="100" y2="346" />
        <line x1="120" y1="334" x2="120" y2="352" />
        <line x1="136" y1="334" x2="140" y2="346" />
      </g>
      <g fill="url(#bf-sand)" stroke="#6b5638" strokeWidth="1.2">
        <path d="M100 346 c-8 2 -11 10 -9 16 c2 5 16 5 18 0 c2 -6 -1 -14 -9 -16 z" />
        <path d="M120 352 c-8 2 -11 10 -9 15 c2 5 16 5 18 0 c2 -5 -1 -13 -9 -15 z" />
        <path d="M140 346 c-8 2 -11 10 -9 16 c2 5 16 5 18 0 c2 -6 -1 -14 -9 -16 z" />
      </g>
    </svg>
  )
})
