import type { AccessibilityContact, EnforcementBody } from '../privacy/operator'

export interface ContactLabels {
  readonly missing: string
  readonly email: string
  readonly phone: string
  readonly web: string
}

type Contact = Partial<AccessibilityContact & EnforcementBody>

function isEmpty(contact: Contact): boolean {
  return [contact.name, contact.email, contact.phone, contact.web, ...(contact.address ?? [])].every((v) => (v ?? '').trim() === '')
}

/** A contact as an address block; nothing filled in shows a visible placeholder asking the operator for it. */
export function ContactBlock({ contact, labels }: { readonly contact: Contact; readonly labels: ContactLabels }) {
  if (isEmpty(contact)) {
    return (
      <address className="privacy__operator">
        <span className="privacy__missing">{labels.missing}</span>
      </address>
    )
  }
  const lines = [contact.name ?? '', ...(contact.address ?? [])].filter((line) => line.trim() !== '')
  return (
    <address className="privacy__operator">
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
      {contact.email && (
        <>
          <br />
          {labels.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      )}
      {contact.phone && (
        <>
          <br />
          {labels.phone}: <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
        </>
      )}
      {contact.web && (
        <>
          <br />
          {labels.web}: <a href={contact.web}>{contact.web.replace(/^https?:\/\//, '')}</a>
        </>
      )}
    </address>
  )
}
