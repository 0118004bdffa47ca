import type { Locale } from '../../model/zones'

/**
 * The statement in short, in Leichte Sprache / Easy Read (BITV 2.0 § 4 asks for it): one short
 * sentence per line, common words, no abbreviations. The rule check in
 * tests/component/accessibility-page.test.tsx reads these lines.
 */
export const PLAIN_SUMMARY: Readonly<Record<Locale, { readonly heading: string; readonly lines: readonly string[] }>> = {
  de: {
    heading: 'Die Erklärung in Leichter Sprache',
    lines: [
      'Hier steht: Wie gut können alle Menschen Ballonfahrt benutzen?',
      'Ballonfahrt ist noch nicht für alle Menschen gut.',
      'Es gibt keine Erklärungen in Gebärden-Sprache.',
      'Es gibt nur wenig Text in Leichter Sprache.',
      'Menschen mit Vorlese-Programm haben Ballonfahrt noch nicht getestet.',
      'Haben Sie ein Problem mit Ballonfahrt gefunden?',
      'Dann schreiben Sie uns.',
      'Die Adresse steht oben bei: Barrieren melden.',
      'Sie bekommen keine gute Hilfe?',
      'Dann können Sie sich bei der Schlichtungs-Stelle beschweren.',
      'Das kostet nichts.',
    ],
  },
  en: {
    heading: 'The statement in Easy Read',
    lines: [
      'This page says: How well can everyone use Ballonfahrt?',
      'Ballonfahrt does not yet work well for everyone.',
      'There are no videos in sign language.',
      'There is only a little text in Easy Read.',
      'Screen reader users have not tested Ballonfahrt yet.',
      'Did you find a problem with Ballonfahrt?',
      'Then write to us.',
      'The address is above, under “Reporting barriers”.',
      'You did not get good help?',
      'Then you can complain to the conciliation body.',
      'This costs nothing.',
    ],
  },
}
