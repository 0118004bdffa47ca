import { PrivacyDe } from './PrivacyDe'
import { PrivacyEn } from './PrivacyEn'
import { TextPage } from './TextPage'

/** /datenschutz: the privacy notice, in the interface's language. */
export function PrivacyPage() {
  return (
    <TextPage
      className="privacy"
      text={(locale, heading, operator) =>
        locale === 'en' ? <PrivacyEn heading={heading} operator={operator} /> : <PrivacyDe heading={heading} operator={operator} />
      }
    />
  )
}
