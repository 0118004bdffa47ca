import { TextPage } from '../privacy/TextPage'
import { AccessibilityDe } from './AccessibilityDe'
import { AccessibilityEn } from './AccessibilityEn'

/** /barrierefreiheit (also /accessibility): the accessibility statement, in the interface's language. */
export function AccessibilityPage() {
  const site = window.location.origin
  return (
    <TextPage
      className="accessibility"
      text={(locale, heading, operator) =>
        locale === 'en' ? (
          <AccessibilityEn heading={heading} operator={operator} site={site} />
        ) : (
          <AccessibilityDe heading={heading} operator={operator} site={site} />
        )
      }
    />
  )
}
