import { ZONES } from '../../../model/zones'
import type { languageDe } from './language'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const languageEn: { readonly [K in keyof typeof languageDe]: string } = {
  // Easy Read: short sentences, one idea each, everyday words, no abbreviations, numbers as digits.
  'plain.toggle': 'Easy Read',
  'plain.toggleHint': 'Shows the instructions and the questions in Easy Read. Only for you.',
  'plain.questionMeans': 'The standard question in Easy Read:',
  'plain.question.steigen': ZONES.steigen.plainQuestion.en,
  'plain.question.untenHalten': ZONES.untenHalten.plainQuestion.en,
  'plain.question.einheizen': ZONES.einheizen.plainQuestion.en,
  'plain.phase.sammelnPrivate':
    'Now you write notes.\nWrite your thoughts about the 3 questions.\nEach note goes with one question.\nOnly you can see your notes.\nLater everyone sees the notes.',
  'plain.phase.sammeln': 'Now you write notes.\nWrite your thoughts about the 3 questions.\nEach note goes with one question.\nEveryone sees the notes at once.',
  'plain.phase.aufdecken': 'Now everyone sees all notes.\nRead the notes together.',
  'plain.phase.clustern': 'Now you sort the notes.\nNotes about the same thing go into one group.\nEach group gets a name.',
  'plain.phase.abstimmen': 'Now you vote.\nEach person has a few votes.\nGive your votes to the most important points.',
  'plain.phase.massnahmen': 'Now you plan the next steps.\nWrite down: What will we do?\nWho does it?\nWhen will it be done?',
  'plain.phase.abschluss': 'The meeting is over.\nYou can read everything.\nYou cannot change anything now.',
  'language.name.de': 'Deutsch',
  'language.name.en': 'English',
  'accessibility.link': 'Accessibility',
  'report.languageNote.de': 'The report and its files are in German, as the moderators have set it (settings: “Language of the report”).',
  'report.languageNote.en': 'The report and its files are in English, as the moderators have set it (settings: “Language of the report”).',
  'settings.reportLanguage': 'Language of the report',
  'settings.reportLanguageHint': 'Applies to the report page, printing and every export – the same for everyone, whatever language each person uses the interface in.',
}
