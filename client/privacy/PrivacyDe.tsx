import type { RefObject } from 'react'
import { plural } from '../../model/export/format'
import { OperatorBlock } from './OperatorBlock'
import type { Operator } from './operator'

interface Props {
  readonly heading: RefObject<HTMLHeadingElement | null>
  readonly operator: Operator
}

/** Datenschutzhinweise (German). Keep in step with PrivacyEn.tsx and docs/operations.md. */
export function PrivacyDe({ heading, operator }: Props) {
  // "nach 1 Tag", "nach 30 Tagen": the operator may set any number.
  const days = plural(operator.retentionDays, 'de', { one: '{count} Tag', other: '{count} Tagen' })
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {/* Soft hyphen: at 320 px the word would otherwise break anywhere; names stay "Datenschutzhinweise". */}
        Datenschutz&shy;hinweise
      </h1>
      <p>
        Ballonfahrt ist ein Board für Heißluftballon-Retrospektiven. Es läuft auf dem eigenen Server der unten genannten Stelle, ohne
        Benutzerkonto, ohne Cookies, ohne Tracking und ohne Dienste Dritter: Die Seite lädt Schriften, Bilder und Programmcode nur von
        diesem Server.
      </p>

      <h2>Verantwortliche Stelle</h2>
      <p>Verantwortlich für die Verarbeitung im Sinne der Datenschutz-Grundverordnung (DSGVO) ist:</p>
      <OperatorBlock
        operator={operator}
        labels={{
          missing: '[Name, Anschrift und Kontakt der verantwortlichen Stelle – vom Betreiber dieser Installation einzutragen]',
          email: 'E-Mail',
          phone: 'Telefon',
        }}
      />
      {operator.dataProtectionOfficer && <p>Datenschutzbeauftragte Stelle: {operator.dataProtectionOfficer}</p>}

      <h2>Was gespeichert wird</h2>
      <ul>
        <li>
          <strong>Inhalte der Boards:</strong> Titel, Thema, Notizen, Cluster und ihre Titel, die Summen der Stimmen, Maßnahmen (was, wer,
          bis wann), Einstellungen und die Phase der Retrospektive. Solange verdeckt gesammelt wird, sehen nur Sie und der Server Ihre
          Notizen; Ihre einzelnen Stimmen bleiben in Ihrem privaten Bereich, auf dem Board erscheinen nur die Summen.
        </li>
        <li>
          <strong>Anzeigenamen:</strong> freiwillig. Ihr Name erscheint nur in der Anwesenheitsliste, solange Sie verbunden sind, und wird
          nicht in der Datenbank gespeichert. Ohne Namen nehmen Sie anonym teil.
        </li>
        <li>
          <strong>Kennungen:</strong> Ihr Browser erzeugt für jedes Board ein eigenes Zufallsgeheimnis. Der Server kennt davon nur einen
          Hashwert als Teilnehmenden-Kennung; damit wird geprüft, wer welche Notiz bearbeiten darf, und gezählt, wie viele teilgenommen
          haben. Kennungen verschiedener Boards lassen sich nicht miteinander verknüpfen. Auch vom Moderationsschlüssel speichert der
          Server nur einen Hashwert.
        </li>
        <li>
          <strong>Keine IP-Adressen, keine Cookies:</strong> Ballonfahrt speichert keine IP-Adressen und setzt keine Cookies. Für den
          Verbindungsaufbau ist die Adresse technisch nötig; im Betriebsprotokoll stehen höchstens gekürzte Adressen (IPv4 auf /24, IPv6
          auf /48 gekürzt), die keine Person mehr bezeichnen.
        </li>
        <li>
          <strong>Im Browser:</strong> Für jedes Board speichert der Browser im Local Storage unter{' '}
          <code>ballonfahrt:board:&lt;Board-Kennung&gt;</code> das Zufallsgeheimnis (die Kennung), den Anzeigenamen und gegebenenfalls
          den Moderationsschlüssel, unter <code>ballonfahrt:follow:&lt;Board-Kennung&gt;</code> die Wahl „Folgen“. In IndexedDB liegen
          zwei Datenbanken: <code>ballonfahrt:&lt;Board-Kennung&gt;</code> mit einer vollständigen Kopie des Boards (alle sichtbaren
          Notizen, Cluster und Maßnahmen, dazu noch nicht gesendete Änderungen), damit nichts verloren geht, wenn die Verbindung abreißt,
          und <code>ballonfahrt:&lt;Board-Kennung&gt;/private</code> mit den eigenen verdeckten Notizen und dem Stimmzettel. Für alle
          Boards gemeinsam kommen die gewählte Sprache, das Farbschema, Leichte Sprache, ein stummgeschalteter Timer und die gesehene
          Einführung hinzu (<code>ballonfahrt:locale</code>, <code>ballonfahrt:theme</code>, <code>ballonfahrt:plain</code>,{' '}
          <code>ballonfahrt:timer-muted</code>, <code>ballonfahrt:intro</code>). Damit die Seite auch ohne Netz lädt, hält ein Service
          Worker die Programmdateien dieser Anwendung im Cache-Speicher des Browsers (<code>ballonfahrt-app-…</code>); sie enthalten
          keine personenbezogenen Daten und nichts aus einem Board. Diese Daten verlassen den Browser nur zum Abgleich mit
          diesem Server. Sie sind für den gewünschten Dienst unbedingt erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG).
        </li>
      </ul>

      <h2>Wo die Daten liegen</h2>
      <p>
        Ausschließlich auf dem Server der verantwortlichen Stelle, in einer SQLite-Datenbank in dessen Datenverzeichnis (
        <code>DATA_DIR</code>). Es gibt keine Empfänger außerhalb: nichts wird an Dritte übermittelt, nichts in ein Drittland.
        Exporte (Markdown, CSV, Word, PNG, JSON, PDF) erstellt Ihr Browser oder dieser Server nur auf Ihren Wunsch.
      </p>
      {operator.proxyLogs && <p>Vorgeschalteter Webserver: {operator.proxyLogs}</p>}

      <h2>Wie lange</h2>
      <ul>
        <li>
          Ein Board wird nach {days} ohne Aktivität automatisch mit allen Inhalten gelöscht. Die Moderation kann es jederzeit sofort
          löschen.
        </li>
        <li>Anzeigenamen verschwinden, sobald Sie die Verbindung trennen.</li>
        <li>
          Das Betriebsprotokoll enthält keine Notiztexte, keine Namen, keine Geheimnisse oder Schlüssel, nur gekürzte Board-Kennungen und
          gekürzte Adressen.
        </li>
        <li>
          Was der Browser zu einem Board gespeichert hat (beide Datenbanken und beide Schlüssel oben), entfernt er vollständig: bei „Board
          verlassen“, sobald die Moderation das Board löscht oder es abläuft, während es geöffnet ist, und sonst beim nächsten Öffnen
          des nicht mehr vorhandenen Boards. Die Einstellungen für alle Boards bleiben, bis die Websitedaten gelöscht werden.
        </li>
      </ul>

      <h2>Wer löschen kann</h2>
      <ul>
        <li>
          Die <strong>Moderation</strong> löscht ein Board mit „Board löschen“ in den Einstellungen sofort und für alle: alle Notizen,
          Cluster, Stimmen und Maßnahmen werden aus der Datenbank entfernt.
        </li>
        <li>
          <strong>Teilnehmende</strong> entfernen mit „Board verlassen“ alles, was ihr Browser über das Board gespeichert hat: Kennung,
          Namen und die lokale Kopie. Eigene Notizen können sie vorher bearbeiten oder löschen, solange das Board das erlaubt.
        </li>
      </ul>

      <h2>Zweck und Rechtsgrundlage</h2>
      <p>
        Die Daten werden nur verarbeitet, um die Retrospektive durchzuführen und ihr Ergebnis festzuhalten. Rechtsgrundlage ist in der
        Regel Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an einer gemeinsamen Auswertung im Netzwerk) oder, wenn die Retrospektive
        Teil eines Vertrags ist, Art. 6 Abs. 1 lit. b DSGVO.
      </p>

      <h2>Ihre Rechte</h2>
      <p>Nach der DSGVO haben Sie gegenüber der verantwortlichen Stelle das Recht auf</p>
      <ul>
        <li>Auskunft über die gespeicherten Daten (Art. 15),</li>
        <li>Berichtigung (Art. 16) und Löschung (Art. 17),</li>
        <li>Einschränkung der Verarbeitung (Art. 18),</li>
        <li>Datenübertragbarkeit (Art. 20),</li>
        <li>Widerspruch gegen die Verarbeitung (Art. 21),</li>
        <li>Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77).</li>
      </ul>
      <p>
        Da Ballonfahrt ohne Konten arbeitet, kann die verantwortliche Stelle Notizen nur über den Link des Boards zuordnen; nenne ihn
        bei einer Anfrage.
        {operator.supervisoryAuthority && ` Zuständige Aufsichtsbehörde: ${operator.supervisoryAuthority}.`}
      </p>
    </>
  )
}
