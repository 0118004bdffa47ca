import { OPERATOR } from './operator'
import { PrivacyDe } from './PrivacyDe'
import { PrivacyEn } from './PrivacyEn'
import { TextPage } from './TextPage'

/** /datenschutz: the privacy notice, in the interface's language. */
export function PrivacyPage() {
  return (
    <TextPage
      className="privacy"
      text={(locale, heading) =>
        locale === 'en' ? <PrivacyEn heading={heading} operator={OPERATOR} /> : <PrivacyDe heading={heading} operator={OPERATOR} />
      }
    />
  )
}
