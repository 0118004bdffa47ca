import { useEffect, useState } from 'react'
import { useT } from '../i18n/index'
import { qrShape } from './qr'
import type { QrShape } from './qr'

/** Modules of white around the code, as the QR standard asks, so phones find its edges. */
const QUIET = 4

/** The participant link as a QR code (an SVG image named by the link it holds). */
export function QrCode({ url }: { readonly url: string }) {
  const t = useT()
  const [shape, setShape] = useState<{ readonly url: string; readonly qr: QrShape } | null>(null)

  useEffect(() => {
    let live = true
    void qrShape(url).then((qr) => {
      if (live) setShape({ url, qr })
    })
    return () => {
      live = false
    }
  }, [url])

  if (shape?.url !== url) return <p className="hint">{t('joining.qrLoading')}</p>
  const side = shape.qr.size + 2 * QUIET
  return (
    <svg className="joining__qr" viewBox={`0 0 ${side} ${side}`} role="img" aria-label={t('joining.qrAlt', { url })} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#ffffff" />
      <path transform={`translate(${QUIET} ${QUIET})`} d={shape.qr.path} fill="#000000" />
    </svg>
  )
}
