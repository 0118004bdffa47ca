import { ZONES } from '../../model/zones'

/** German, the product's first language. `{name}` marks a parameter. */
export const de = {
  'app.name': 'Ballonfahrt',
  'app.tagline': 'Heißluftballon-Retrospektive in Echtzeit',
  'language.switch': 'English',
  'language.switchLang': 'en',

  'landing.intro1':
    'In der Heißluftballon-Retrospektive sammelt ihr, was euer Team steigen lässt, was es unten hält und wo ihr mehr einheizen müsst.',
  'landing.intro2':
    'Erstellt ein Board, teilt den Link im Videocall und schreibt gemeinsam Notizen in die drei Bereiche rund um den Ballon.',
  'landing.formHeading': 'Neues Board',
  'landing.title': 'Titel',
  'landing.titleHint': 'Optional, z. B. „Sprint 42“.',
  'landing.name': 'Dein Name',
  'landing.nameHint': 'Optional. Leer lassen, um anonym teilzunehmen.',
  'landing.create': 'Board erstellen',
  'landing.creating': 'Board wird erstellt …',
  'landing.error': 'Das Board konnte nicht erstellt werden. Bitte prüfe die Verbindung und versuche es noch einmal.',

  'join.heading': 'Board beitreten',
  'join.loading': 'Board wird geladen …',
  'join.name': 'Name (optional)',
  'join.hint': 'Ohne Namen trittst du anonym bei.',
  'join.submit': 'Beitreten',

  'problem.notFound': 'Board nicht gefunden',
  'problem.notFoundText': 'Der Link ist ungültig oder das Board wurde gelöscht.',
  'problem.forbidden': 'Kein Zugang',
  'problem.forbiddenText': 'Dieser Browser hat keinen Zugang zu diesem Board.',
  'problem.boardFull': 'Board ist voll',
  'problem.boardFullText': 'Das Board hat die Höchstzahl an Teilnehmenden erreicht. Versuche es später noch einmal.',
  'problem.home': 'Zur Startseite',
  'problem.rejected': 'Deine letzte Änderung wurde vom Server abgelehnt; das Board wurde neu geladen.',
  'problem.dismiss': 'Hinweis schließen',

  'board.untitled': 'Heißluftballon-Retrospektive',
  'board.balloon': 'Heißluftballon',
  'share.button': 'Link teilen',
  'share.copied': 'Link kopiert',
  'share.manual': 'Link zum Kopieren',
  'presence.heading': 'Anwesend',
  'presence.anonymous': 'Anonym',
  'presence.you': '(du)',
  'status.connection': 'Verbindung',
  'status.connecting': 'verbindet …',
  'status.connected': 'verbunden',
  'status.offline': 'offline',
  'status.save': 'Speicherstand',
  'status.saved': 'gespeichert',
  'status.saving': 'speichert …',
  'status.local': 'offline – wird gesendet, sobald verbunden',

  'zone.steigen.title': ZONES.steigen.title.de,
  'zone.steigen.question': ZONES.steigen.question.de,
  'zone.untenHalten.title': ZONES.untenHalten.title.de,
  'zone.untenHalten.question': ZONES.untenHalten.question.de,
  'zone.einheizen.title': ZONES.einheizen.title.de,
  'zone.einheizen.question': ZONES.einheizen.question.de,
  'zone.notes': 'Notizen in {zone}',
  'zone.empty': 'Noch keine Notizen.',

  'composer.label': 'Neue Notiz für {zone}',
  'composer.hint': 'Enter fügt hinzu, Umschalt+Enter macht eine neue Zeile.',
  'composer.add': 'Hinzufügen',

  'note.edit': 'Bearbeiten',
  'note.editLabel': 'Notiz bearbeiten: {text}',
  'note.delete': 'Löschen',
  'note.deleteLabel': 'Notiz löschen: {text}',
  'note.editor': 'Text der Notiz',
  'note.editorHint': 'Enter speichert, Escape bricht ab.',
  'note.save': 'Speichern',
  'note.cancel': 'Abbrechen',
  'note.by': 'von {name}',

  'error.empty': 'Die Notiz ist leer.',
  'error.tooLong': 'Die Notiz ist zu lang (höchstens {max} Zeichen).',
  'error.unknownNote': 'Diese Notiz gibt es nicht mehr.',
  'error.boardFull': 'Das Board ist voll; es können keine Notizen mehr hinzugefügt werden.',
  'error.noBoard': 'Das Board ist noch nicht geladen.',
} as const

export type MessageKey = keyof typeof de
export type Messages = { readonly [K in MessageKey]: string }
