import { ZONES } from '../../../model/zones'

/** Plain language (Leichte Sprache), the board's export language and the accessibility statement: German. Merged into `de` in ../de.ts. */
export const languageDe = {
  // Plain language (Leichte Sprache, after the rules of the Netzwerk Leichte Sprache): short
  // sentences, one statement each, common words, no abbreviations, numbers as digits. `\n` ends a
  // sentence that gets its own line. Formal "Sie" as everywhere else; the du forms are in ../deDu.ts.
  'plain.toggle': 'Leichte Sprache',
  'plain.toggleHint': 'Zeigt die Anleitung und die Fragen in Leichter Sprache. Nur für Sie.',
  'plain.questionMeans': 'Die Standard-Frage in Leichter Sprache:',
  'plain.question.steigen': ZONES.steigen.plainQuestion.de,
  'plain.question.untenHalten': ZONES.untenHalten.plainQuestion.de,
  'plain.question.einheizen': ZONES.einheizen.plainQuestion.de,
  'plain.phase.sammelnPrivate':
    'Jetzt schreiben Sie Notizen.\nSchreiben Sie Ihre Gedanken zu den 3 Fragen.\nJede Notiz kommt zu einer Frage.\nNur Sie sehen Ihre Notizen.\nSpäter sehen alle die Notizen.',
  'plain.phase.sammeln': 'Jetzt schreiben Sie Notizen.\nSchreiben Sie Ihre Gedanken zu den 3 Fragen.\nJede Notiz kommt zu einer Frage.\nAlle sehen die Notizen sofort.',
  'plain.phase.aufdecken': 'Jetzt sieht jede Person alle Notizen.\nLesen Sie die Notizen zusammen.',
  'plain.phase.clustern': 'Jetzt ordnen Sie die Notizen.\nNotizen mit dem gleichen Thema kommen in eine Gruppe.\nJede Gruppe bekommt einen Namen.',
  'plain.phase.abstimmen': 'Jetzt stimmen Sie ab.\nJede Person hat ein paar Stimmen.\nGeben Sie Ihre Stimmen den wichtigsten Punkten.',
  'plain.phase.massnahmen': 'Jetzt planen Sie die nächsten Schritte.\nSchreiben Sie auf: Was machen wir?\nWer macht es?\nBis wann ist es fertig?',
  'plain.phase.abschluss': 'Das Treffen ist zu Ende.\nJetzt können Sie alles lesen.\nÄndern geht nicht mehr.',
  // Each language's name in itself, so that a reader finds their own.
  'language.name.de': 'Deutsch',
  'language.name.en': 'English',
  'accessibility.link': 'Barrierefreiheit',
  'report.languageNote.de':
    'Das Ergebnisprotokoll und seine Dateien sind auf Deutsch, so wie es die Moderation eingestellt hat (Einstellungen: „Sprache des Ergebnisprotokolls“).',
  'report.languageNote.en':
    'Das Ergebnisprotokoll und seine Dateien sind auf Englisch, so wie es die Moderation eingestellt hat (Einstellungen: „Sprache des Ergebnisprotokolls“).',
  'settings.reportLanguage': 'Sprache des Ergebnisprotokolls',
  'settings.reportLanguageHint':
    'Gilt für die Ergebnisseite, den Druck und alle Exporte – für alle gleich, egal in welcher Sprache jemand die Oberfläche nutzt.',
} as const satisfies Readonly<Record<string, string>>
