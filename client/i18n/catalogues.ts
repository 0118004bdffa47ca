import type { Address } from '../../model/settings'
import type { Locale } from '../../model/zones'
import { de } from './de'
import type { Messages } from './de'

/**
 * The catalogues beside formal German, fetched when first needed (docs/decisions.md, "First-load
 * budget"): English (./en.ts and parts/*.en.ts) and the "du" overlay (./deDu.ts). Most people
 * need neither, so the first load carries German only. Who shows text in one of them waits for
 * it first: the first render for a stored English interface (../main.tsx), `setLocale`, and the
 * board store before it takes a board in English or in "du" (../store/board.ts).
 */
type Extra = 'en' | 'du'

const LOADERS: Readonly<Record<Extra, () => Promise<Messages>>> = {
  en: () => import('./en').then((m) => m.en),
  du: () => import('./deDu').then((m) => ({ ...de, ...m.deDu })),
}

const loaded = new Map<Extra, Messages>()
/** Loaded, or given up on (offline before it was ever fetched): then German stands in. */
const settled = new Set<Extra>()
const loading = new Map<Extra, Promise<void>>()

function extraOf(locale: Locale, address: Address): Extra | null {
  if (locale === 'en') return 'en'
  return address === 'du' ? 'du' : null
}

/** The catalogue for a language and address; formal German while the one asked for is not loaded. */
export function catalogueOf(locale: Locale, address: Address): Messages {
  const extra = extraOf(locale, address)
  return (extra && loaded.get(extra)) ?? de
}

/** Whether `catalogueOf(locale, address)` answers with its own texts already (or never will). */
export function isCatalogueReady(locale: Locale, address: Address = 'sie'): boolean {
  const extra = extraOf(locale, address)
  return extra === null || settled.has(extra)
}

/** Fetches the catalogue for a language and address once; resolves when it is ready. */
export function loadCatalogue(locale: Locale, address: Address = 'sie'): Promise<void> {
  const extra = extraOf(locale, address)
  if (extra === null || settled.has(extra)) return Promise.resolve()
  const running = loading.get(extra)
  if (running) return running
  const done = LOADERS[extra]()
    .then(
      (messages) => void loaded.set(extra, messages),
      () => undefined,
    )
    .finally(() => {
      settled.add(extra)
      loading.delete(extra)
    })
  loading.set(extra, done)
  return done
}
