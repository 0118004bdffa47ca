import type { RefObject } from 'react'
import { plural } from '../../model/export/format'
import { OperatorBlock } from './OperatorBlock'
import type { Operator } from './operator'

interface Props {
  readonly heading: RefObject<HTMLHeadingElement | null>
  readonly operator: Operator
}

/** The privacy notice (English). Keep in step with PrivacyDe.tsx, the German original. */
export function PrivacyEn({ heading, operator }: Props) {
  const days = plural(operator.retentionDays, 'en', { one: '{count} day', other: '{count} days' })
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Privacy notice
      </h1>
      <p>
        Ballonfahrt is a board for hot-air balloon retrospectives. It runs on the own server of the organisation named below, without
        accounts, without cookies, without tracking and without third-party services: the page loads fonts, images and code from this
        server only.
      </p>

      <h2>Controller</h2>
      <p>The controller responsible under the General Data Protection Regulation (GDPR, German: DSGVO) is:</p>
      <OperatorBlock
        operator={operator}
        labels={{
          missing: '[Name, address and contact of the controller – to be filled in by the operator of this installation]',
          email: 'E-mail',
          phone: 'Phone',
        }}
      />
      {operator.dataProtectionOfficer && <p>Data protection officer: {operator.dataProtectionOfficer}</p>}

      <h2>What is stored</h2>
      <ul>
        <li>
          <strong>Board content:</strong> title, topic, notes, clusters and their titles, vote totals, actions (what, who, by when),
          settings and the phase of the retrospective. While notes are collected privately, only you and the server see yours; your
          individual votes stay in your private area, the board shows only the totals.
        </li>
        <li>
          <strong>Display names:</strong> optional. Your name appears only in the list of who is here, while you are connected, and is
          not stored in the database. Without a name you take part anonymously.
        </li>
        <li>
          <strong>Identifiers:</strong> your browser makes a random secret for each board. The server knows only a hash of it, your
          participant id; it is used to check who may edit which note and to count participants. Ids of different boards cannot be
          linked. Of the moderator key, too, the server stores only a hash.
        </li>
        <li>
          <strong>No IP addresses, no cookies:</strong> Ballonfahrt stores no IP addresses and sets no cookies. A connection needs the
          address technically; the operations log holds shortened addresses at most (IPv4 to /24, IPv6 to /48), which no longer name a
          person.
        </li>
        <li>
          <strong>In the browser:</strong> for each board, the browser keeps in local storage under{' '}
          <code>ballonfahrt:board:&lt;board id&gt;</code> the random secret (the identifier), the display name and, if it has one, the
          moderator key, and under <code>ballonfahrt:follow:&lt;board id&gt;</code> the “follow” choice. IndexedDB holds two databases:{' '}
          <code>ballonfahrt:&lt;board id&gt;</code> with a complete copy of the board (every visible note, cluster and action, plus
          changes not sent yet), so that nothing is lost when the connection drops, and <code>ballonfahrt:&lt;board id&gt;/private</code>{' '}
          with one’s own hidden notes and ballot. For all boards together it keeps the chosen language, colour scheme, plain language, a
          muted timer and the introduction seen (<code>ballonfahrt:locale</code>, <code>ballonfahrt:theme</code>,{' '}
          <code>ballonfahrt:plain</code>, <code>ballonfahrt:timer-muted</code>, <code>ballonfahrt:intro</code>). So that the page loads
          without a network, a service worker keeps this application’s program files in the browser’s cache storage
          (<code>ballonfahrt-app-…</code>); they hold nothing about you or a board. These data leave the
          browser only to sync with this server. They are strictly necessary for the service asked for (§ 25 (2) no. 2 TDDDG).
        </li>
      </ul>

      <h2>Where the data are</h2>
      <p>
        Only on the controller’s server, in an SQLite database in its data directory (<code>DATA_DIR</code>). There are no outside
        recipients: nothing is passed to third parties, nothing to a third country. Exports (Markdown, CSV, Word, PNG, JSON, PDF) are
        made by your browser or this server only when you ask for them.
      </p>
      {operator.proxyLogs && <p>Web server in front: {operator.proxyLogs}</p>}

      <h2>How long</h2>
      <ul>
        <li>A board is deleted with all its content after {days} without activity. The moderators can delete it at once at any time.</li>
        <li>Display names disappear as soon as you disconnect.</li>
        <li>The operations log holds no note text, no names, no secrets or keys, only shortened board ids and shortened addresses.</li>
        <li>
          What the browser kept about a board (both databases and both keys above) it removes completely: on “Leave board”, as soon as
          the moderator deletes the board or it expires while it is open, and otherwise the next time the board that no longer exists is
          opened. The settings for all boards stay until the site’s data are cleared.
        </li>
      </ul>

      <h2>Who can delete</h2>
      <ul>
        <li>
          <strong>Moderators</strong> delete a board with “Delete board” in the settings, at once and for everyone: all notes, clusters,
          votes and actions are removed from the database.
        </li>
        <li>
          <strong>Participants</strong> remove with “Leave board” everything their browser keeps about the board: identifier, name and
          the local copy. Before that they can edit or delete their own notes, as far as the board allows it.
        </li>
      </ul>

      <h2>Purpose and legal basis</h2>
      <p>
        The data are processed only to hold the retrospective and to record its result. The legal basis is usually Art. 6 (1) (f) GDPR
        (legitimate interest in reviewing work together as a network) or, where the retrospective is part of a contract, Art. 6 (1) (b) GDPR.
      </p>

      <h2>Your rights</h2>
      <p>Under the GDPR you have the right, towards the controller, to</p>
      <ul>
        <li>access to the stored data (Art. 15),</li>
        <li>rectification (Art. 16) and erasure (Art. 17),</li>
        <li>restriction of processing (Art. 18),</li>
        <li>data portability (Art. 20),</li>
        <li>object to the processing (Art. 21),</li>
        <li>lodge a complaint with a data protection supervisory authority (Art. 77).</li>
      </ul>
      <p>
        As Ballonfahrt works without accounts, the controller can find notes only through the board’s link; please name it in a request.
        {operator.supervisoryAuthority && ` Supervisory authority: ${operator.supervisoryAuthority}.`}
      </p>
    </>
  )
}
