import type { RefObject } from 'react'
import { formatDay } from '../i18n/format'
import type { Operator } from '../privacy/operator'
import { ASSESSED_ON, FEDERAL_ENFORCEMENT } from './assessment'
import { ContactBlock } from './ContactBlock'
import { PlainSummary } from './PlainSummary'

interface Props {
  readonly heading: RefObject<HTMLHeadingElement | null>
  readonly operator: Operator
  /** This installation's address, e.g. https://retro.landkreis-beispiel.de */
  readonly site: string
}

const LABELS = { email: 'E-Mail', phone: 'Telefon', web: 'Internet' }

/**
 * Erklärung zur Barrierefreiheit (German), after the EU model statement (Durchführungsbeschluss
 * (EU) 2018/1523) and § 12b BGG / BITV 2.0. Keep in step with AccessibilityEn.tsx.
 */
export function AccessibilityDe({ heading, operator, site }: Props) {
  const enforcement = operator.enforcementBody ?? FEDERAL_ENFORCEMENT
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {/* Soft hyphens: long German words would otherwise break anywhere at 320 px. */}
        Erklärung zur Barriere&shy;freiheit
      </h1>
      <p>
        {operator.name.trim() || <span className="privacy__missing">[Name des Betreibers – vom Betreiber einzutragen]</span>} ist bemüht,
        diese Web-Anwendung im Einklang mit dem Behinderten&shy;gleichstellungs&shy;gesetz (BGG) und der Barrierefreie-Informations&shy;technik-Verordnung
        (BITV 2.0) barrierefrei zugänglich zu machen. Für öffentliche Stellen der Länder und Kommunen gilt das jeweilige Landesrecht.
      </p>
      <p>
        Diese Erklärung gilt für die Web-Anwendung „Ballonfahrt“ unter <code>{site}</code>: die Startseite,
        die Boards in allen Phasen, die Ergebnisseite, die Präsentationsansicht und die Dateien, die sich dort herunterladen lassen.
      </p>

      <h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
      <p>
        Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 in der Konformitätsstufe AA, wie sie die BITV 2.0 über die
        europäische Norm EN 301 549 verlangt.
      </p>
      <p>
        <strong>Diese Web-Anwendung ist mit den Anforderungen teilweise vereinbar.</strong> Die folgenden Inhalte sind nicht oder nur
        eingeschränkt barrierefrei.
      </p>

      <h2>Nicht barrierefreie Inhalte</h2>
      <ul>
        <li>
          <strong>Gebärdensprache und Leichte Sprache:</strong> Es gibt keine Erläuterungen in Deutscher Gebärdensprache. In Leichter
          Sprache gibt es nur die Anleitung zu jeder Phase, die drei Standardfragen (Schalter „Leichte Sprache“ unter der Anleitung)
          und eine kurze Fassung dieser Erklärung (am Ende), nicht aber die übrigen Bedienelemente und keine Erläuterung der Startseite.
          Die BITV 2.0 (§ 4) verlangt beides auf der Startseite.
        </li>
        <li>
          <strong>Bildschirmleser:</strong> Überschriften, Landmarken, Namen der Bedienelemente und die Ansagen wurden automatisiert im
          Browser geprüft. Tests mit NVDA, JAWS, VoiceOver oder TalkBack durch Menschen, die diese Programme täglich nutzen, haben noch
          nicht stattgefunden.
        </li>
        <li>
          <strong>Ziehen und Ablegen:</strong> Notizen und Cluster lassen sich mit der Maus ziehen. Auf Touch-Geräten (Smartphone, Tablet)
          geht das Ziehen nicht. Jede Verschiebung geht aber auch ohne Ziehen: über das Menü „Verschieben …“, die Schaltflächen der
          Cluster und mit der Tastatur (Alt und Pfeiltasten).
        </li>
        <li>
          <strong>Änderungen anderer in Echtzeit:</strong> Phasenwechsel, der Timer und die Folgen eigener Aktionen werden über eine
          höfliche Live-Region angesagt. Notizen, die andere gerade schreiben, werden nicht jede einzeln angesagt, damit in großen Runden
          die Ansagen nicht überhandnehmen; sie stehen in der Liste des jeweiligen Bereichs.
        </li>
        <li>
          <strong>Texte der Teilnehmenden:</strong> Notizen, Cluster-Titel und Maßnahmen schreiben die Teilnehmenden selbst. Ihre Sprache
          ist nicht ausgezeichnet (WCAG 3.1.2): Eine englische Notiz auf einem deutschen Board liest ein Bildschirmleser mit deutscher
          Aussprache vor. Für Abkürzungen und Verständlichkeit dieser Texte sind die Schreibenden verantwortlich.
        </li>
        <li>
          <strong>Exporte:</strong> Die Word-Datei hat Überschriften, eine Tabelle mit Kopfzeile und die Sprache des Protokolls. Ein PDF
          entsteht über die Druckfunktion des Browsers; ob es mit Tags versehen ist (PDF/UA), hängt vom Browser ab und wurde nicht
          geprüft. Das Bild des Ballons (PNG) trägt keinen Alternativtext; dieselben Inhalte stehen als Text im Protokoll.
        </li>
      </ul>

      <h2>Erstellung dieser Erklärung</h2>
      <p>
        Diese Erklärung wurde am <time dateTime={ASSESSED_ON}>{formatDay(ASSESSED_ON, 'de')}</time> erstellt. Sie beruht auf einer
        Selbstbewertung durch das Entwicklungsteam:
      </p>
      <ul>
        <li>
          automatisierte Prüfungen mit axe-core (Regeln der WCAG 2.0 und 2.1, Stufen A und AA, dazu die Zielgröße aus WCAG 2.2) auf
          jeder Seite und in jeder Phase, als Moderation und als Teilnehmende, in hellem, dunklem und kontrastreichem Farbschema; wo
          axe den Kontrast nicht bestimmen kann (Verläufe, Grafiken), wird er aus den Bildpunkten gemessen,
        </li>
        <li>
          ein automatisierter Durchlauf einer ganzen Retrospektive in einem echten Browser, in dem eine Person nur mit der Tastatur
          clustert und abstimmt,
        </li>
        <li>eine automatisierte Prüfung der Darstellung bei 320 Pixel Breite (wie 1280 Pixel bei 400 % Vergrößerung),</li>
        <li>Prüfungen der Tastaturbedienung von Hand.</li>
      </ul>
      <p>Eine Prüfung durch eine unabhängige Prüfstelle (zum Beispiel einen BITV-Test) hat nicht stattgefunden.</p>
      <p>
        {operator.accessibilityReviewed ? (
          <>
            Der Betreiber hat die Erklärung für diese Installation zuletzt am{' '}
            <time dateTime={operator.accessibilityReviewed}>{formatDay(operator.accessibilityReviewed, 'de')}</time> überprüft.
          </>
        ) : (
          <span className="privacy__missing">[Datum der letzten Überprüfung durch den Betreiber – vom Betreiber einzutragen]</span>
        )}
      </p>

      <h2>Barrieren melden: Feedback und Kontakt</h2>
      <p>
        Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie Inhalte in einer anderen Form, zum Beispiel das Ergebnisprotokoll als
        barrierefreies Dokument? Dann schreiben Sie uns oder rufen Sie an:
      </p>
      <ContactBlock
        contact={operator.accessibilityContact}
        labels={{ ...LABELS, missing: '[Kontakt für Rückmeldungen zur Barrierefreiheit – vom Betreiber einzutragen]' }}
      />

      <h2>Schlichtungs&shy;verfahren</h2>
      <p>
        Wenn auch nach Ihrer Rückmeldung an den oben genannten Kontakt keine zufriedenstellende Lösung gefunden wurde, können Sie einen
        Antrag auf ein Schlichtungsverfahren stellen. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.
      </p>
      {operator.enforcementBody === null && (
        <p>
          Die Schlichtungsstelle nach § 16 BGG vermittelt bei Streit über Barrierefreiheit zwischen Menschen mit Behinderungen und
          öffentlichen Stellen des Bundes. Für öffentliche Stellen eines Landes oder einer Kommune ist die Stelle zuständig, die das
          Landesrecht bestimmt.
        </p>
      )}
      <ContactBlock contact={enforcement} labels={{ ...LABELS, missing: '' }} />

      <PlainSummary locale="de" />
    </>
  )
}
