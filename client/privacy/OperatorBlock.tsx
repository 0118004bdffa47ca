import type { Operator } from './operator'

export interface OperatorLabels {
  readonly missing: string
  readonly email: string
  readonly phone: string
}

/** The controller's contact as the operator filled it in, or a visible placeholder. */
export function OperatorBlock({ operator, labels }: { readonly operator: Operator; readonly labels: OperatorLabels }) {
  if (operator.name.trim() === '') {
    return (
      <address className="privacy__operator">
        <span className="privacy__missing">{labels.missing}</span>
      </address>
    )
  }
  return (
    <address className="privacy__operator">
      {operator.name}
      {operator.address.map((line) => (
        <span key={line}>
          <br />
          {line}
        </span>
      ))}
      {operator.email && (
        <>
          <br />
          {labels.email}: <a href={`mailto:${operator.email}`}>{operator.email}</a>
        </>
      )}
      {operator.phone && (
        <>
          <br />
          {labels.phone}: {operator.phone}
        </>
      )}
    </address>
  )
}
