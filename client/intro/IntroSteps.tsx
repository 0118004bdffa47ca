import { ZONE_IDS } from '../../model/zones'
import { useT } from '../i18n/index'

/** The content of step `step` (0, 1, 2) of the introduction, below its heading. */
export function IntroStep({ step }: { readonly step: number }) {
  const t = useT()
  if (step === 0)
    return (
      <ul className="intro__zones">
        {ZONE_IDS.map((zone) => (
          <li key={zone} className={`intro__zone intro__zone--${zone}`}>
            {t(`intro.zones.${zone}`, { zone: t(`zone.${zone}.title`) })}
          </li>
        ))}
      </ul>
    )
  if (step === 1)
    return (
      <>
        <p>{t('intro.notes.write')}</p>
        <p>{t('intro.notes.private')}</p>
      </>
    )
  return (
    <>
      <p>{t('intro.vote.phases')}</p>
      <p>{t('intro.vote.keys')}</p>
    </>
  )
}

export const INTRO_TITLES = ['intro.zones.title', 'intro.notes.title', 'intro.vote.title'] as const
