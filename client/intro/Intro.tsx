import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../i18n/index'
import { setIntroOpen, useIntroOpen } from '../store/introOpen'
import { INTRO_TITLES, IntroStep } from './IntroSteps'
import { introSeen, markIntroSeen } from './seen'
import './intro.css'

/** Wide enough for the introduction and the first notes on one screen. */
const WIDE = '(min-width: 700px)'

/**
 * The first-visit explanation in three steps, inline above the zones: no dialog, nothing
 * covered, nothing that holds the keyboard, so it can be read or passed by. It opens by itself
 * once, on the first visit on a wide screen; after its first use it folds away to the header's
 * "Einführung" button (`IntroButton`). It takes the focus only when asked to (Weiter/Zurück move
 * it to the new step's heading); closing hands it to `onClose`, because the buttons that had it
 * are gone.
 */
export function Intro({ onClose }: { readonly onClose?: () => void }) {
  const t = useT()
  const id = useId()
  const open = useIntroOpen((s) => s.open)
  const [step, setStep] = useState(0)
  const stepHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (open === null) setIntroOpen(!introSeen() && (typeof matchMedia !== 'function' || matchMedia(WIDE).matches))
  }, [open])
  if (!open) return null

  const last = INTRO_TITLES.length - 1
  function go(to: number) {
    setStep(to)
    // After React has shown the new step.
    setTimeout(() => stepHeading.current?.focus(), 0)
  }
  function close() {
    markIntroSeen()
    setIntroOpen(false)
    setStep(0)
    onClose?.()
  }

  return (
    <section className="intro card">
      <div className="intro__top">
        <h2 className="intro__heading">{t('intro.heading')}</h2>
        <p className="intro__progress">{t('intro.step', { n: step + 1, total: INTRO_TITLES.length })}</p>
      </div>
      <h3 id={`${id}-step`} ref={stepHeading} tabIndex={-1} className="intro__title">
        {t(INTRO_TITLES[step] ?? INTRO_TITLES[0])}
      </h3>
      <IntroStep step={step} />
      <div className="intro__actions">
        {step > 0 && (
          <button type="button" className="button" onClick={() => go(step - 1)}>
            {t('intro.back')}
          </button>
        )}
        {step < last ? (
          <button type="button" className="button button--primary" onClick={() => go(step + 1)}>
            {t('intro.next')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={close}>
            {t('intro.done')}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={close}>
          {t('intro.skip')}
        </button>
      </div>
    </section>
  )
}
