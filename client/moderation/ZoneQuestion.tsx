import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { usePlainLanguage } from '../store/plainLanguage'
import { PlainText } from './PlainText'

interface Props {
  readonly zone: ZoneId
  /** The moderator's own question, or null for the default one. */
  readonly question: string | null
  readonly className?: string
}

/**
 * A zone's question. In plain language the default question is replaced by its plain version;
 * a question the moderator wrote stays as written (nobody can rewrite it for them), with the
 * plain version of the default below it only as an explanation of what the zone is about.
 */
export function ZoneQuestion({ zone, question, className = 'zone__question' }: Props) {
  const t = useT()
  const plain = usePlainLanguage((s) => s.plain)
  if (!plain) return <p className={className}>{question ?? t(`zone.${zone}.question`)}</p>
  if (question === null) return <PlainText className={`${className} plain-text`} text={t(`plain.question.${zone}`)} />
  return (
    <>
      <p className={className}>{question}</p>
      <div className="plain-text plain-text--explanation">
        <p className="hint">{t('plain.questionMeans')}</p>
        <PlainText className="hint" text={t(`plain.question.${zone}`)} />
      </div>
    </>
  )
}
