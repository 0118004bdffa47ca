import type { RefObject } from 'react'
import { formatDay } from '../i18n/format'
import type { Operator } from '../privacy/operator'
import { ASSESSED_ON, FEDERAL_ENFORCEMENT } from './assessment'
import { ContactBlock } from './ContactBlock'
import { PlainSummary } from './PlainSummary'

interface Props {
  readonly heading: RefObject<HTMLHeadingElement | null>
  readonly operator: Operator
  readonly site: string
}

const LABELS = { email: 'Email', phone: 'Phone', web: 'Web' }

/** The accessibility statement in English. Keep in step with AccessibilityDe.tsx, which is the binding text. */
export function AccessibilityEn({ heading, operator, site }: Props) {
  const enforcement = operator.enforcementBody ?? FEDERAL_ENFORCEMENT
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Accessibility statement
      </h1>
      <p>
        {operator.name.trim() || <span className="privacy__missing">[Name of the operator – to be filled in by the operator]</span>} is
        committed to making this web application accessible in accordance with the German Disability Equality Act (BGG) and the Barrier-Free
        Information Technology Ordinance (BITV 2.0). Public bodies of the federal states and municipalities follow their state&apos;s law.
      </p>
      <p>
        This statement applies to the web application “Ballonfahrt” at <code>{site}</code>: the start page, the
        boards in every phase, the report page, the presentation view and the files that can be downloaded there.
      </p>

      <h2>Compliance status</h2>
      <p>
        The standard is the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, as BITV 2.0 requires through the European
        standard EN 301 549.
      </p>
      <p>
        <strong>This web application is partially compliant.</strong> The content listed below is not accessible or only in part.
      </p>

      <h2>Non-accessible content</h2>
      <ul>
        <li>
          <strong>Sign language and Easy Read:</strong> There are no explanations in German Sign Language. Easy Read (Leichte Sprache) is
          available only for the instruction of each phase, the three standard questions (the “Easy Read” switch below the
          instruction) and a short version of this statement (at the end), not for the other controls and with no explanation of the
          start page. BITV 2.0 (§ 4) asks for both on the start page.
        </li>
        <li>
          <strong>Screen readers:</strong> Headings, landmarks, names of controls and announcements were tested automatically in a
          browser. Tests with NVDA, JAWS, VoiceOver or TalkBack by people who use them every day have not taken place yet.
        </li>
        <li>
          <strong>Drag and drop:</strong> Notes and clusters can be dragged with a mouse. On touch devices (phone, tablet) dragging does
          not work. Every move also works without dragging: through the “Move …” menu, the cluster buttons and the keyboard (Alt and the
          arrow keys).
        </li>
        <li>
          <strong>Other people&apos;s changes in real time:</strong> Phase changes, the timer and the results of your own actions are
          announced through a polite live region. Notes that others are writing are not announced one by one, so that announcements do
          not pile up in large groups; they are in the list of their zone.
        </li>
        <li>
          <strong>Texts written by participants:</strong> Participants write notes, cluster titles and actions themselves. Their language
          is not marked up (WCAG 3.1.2): a screen reader reads an English note on a German board with German pronunciation. The writers
          are responsible for abbreviations and clarity of these texts.
        </li>
        <li>
          <strong>Exports:</strong> The Word file has headings, a table with a header row and the language of the report. A PDF is made
          with the browser&apos;s print function; whether it is tagged (PDF/UA) depends on the browser and was not tested. The picture of
          the balloon (PNG) has no text alternative; the same content is in the text of the report.
        </li>
      </ul>

      <h2>Preparation of this statement</h2>
      <p>
        This statement was prepared on <time dateTime={ASSESSED_ON}>{formatDay(ASSESSED_ON, 'en')}</time>. It is based on a
        self-assessment by the development team:
      </p>
      <ul>
        <li>
          automated tests with axe-core (rules of WCAG 2.0 and 2.1, levels A and AA, plus target size from WCAG 2.2) on every page and in
          every phase, as moderator and as participant, in the light, dark and high-contrast colour schemes; where axe cannot decide the
          contrast (gradients, graphics) it is measured from the pixels,
        </li>
        <li>an automated run through a whole retrospective in a real browser, in which one person clusters and votes with the keyboard only,</li>
        <li>an automated check of the layout at 320 pixels width (like 1280 pixels at 400 % zoom),</li>
        <li>manual checks of keyboard operation.</li>
      </ul>
      <p>No audit by an independent body (such as a BITV test) has taken place.</p>
      <p>
        {operator.accessibilityReviewed ? (
          <>
            The operator last reviewed this statement for this installation on{' '}
            <time dateTime={operator.accessibilityReviewed}>{formatDay(operator.accessibilityReviewed, 'en')}</time>.
          </>
        ) : (
          <span className="privacy__missing">[Date of the operator&apos;s last review – to be filled in by the operator]</span>
        )}
      </p>

      <h2>Reporting barriers: feedback and contact</h2>
      <p>
        Have you come across a barrier, or do you need content in another form, for example the report as an accessible document? Write
        or call:
      </p>
      <ContactBlock
        contact={operator.accessibilityContact}
        labels={{ ...LABELS, missing: '[Contact for feedback on accessibility – to be filled in by the operator]' }}
      />

      <h2>Enforcement procedure</h2>
      <p>
        If your feedback to the contact above has not led to a satisfactory solution, you can apply for conciliation. The procedure is
        free of charge; you do not need legal representation.
      </p>
      {operator.enforcementBody === null && (
        <p>
          The conciliation body under § 16 BGG mediates disputes about accessibility between people with disabilities and public bodies
          of the federal government. For public bodies of a federal state or a municipality, the body appointed by that state&apos;s law
          is responsible.
        </p>
      )}
      <ContactBlock contact={enforcement} labels={{ ...LABELS, missing: '' }} />

      <PlainSummary locale="en" />
    </>
  )
}
