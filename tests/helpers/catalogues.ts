import { loadCatalogue } from '../../client/i18n/catalogues'

// The app fetches English and the "du" overlay when first needed and waits for them before it
// shows them (tests/unit/client/catalogues.test.ts, with fresh modules). Tests of texts and
// components ask for every language and address at once, so both are there from the start.
await Promise.all([loadCatalogue('en'), loadCatalogue('de', 'du')])
