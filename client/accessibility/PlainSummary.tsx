import { useId } from 'react'
import type { Locale } from '../../model/zones'
import { PlainText } from '../moderation/PlainText'
import { PLAIN_SUMMARY } from './plainSummary'

/** The statement in short, in Leichte Sprache / Easy Read, as its own section. */
export function PlainSummary({ locale }: { readonly locale: Locale }) {
  const id = useId()
  const { heading, lines } = PLAIN_SUMMARY[locale]
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <PlainText className="plain-text" text={lines.join('\n')} />
    </section>
  )
}
