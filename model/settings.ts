import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'
import { isLocale } from './zones'
import type { Locale } from './zones'

/** What the moderator sets for the whole board. Stored in meta as `setting.<name>`. */
export interface Settings {
  /** While collecting, notes reach only their author and the server. */
  readonly privateWriting: boolean
  /** Revealed notes carry no author id. */
  readonly anonymous: boolean
  readonly votesPerPerson: number
  readonly maxVotesPerItem: number
  /** Participants may group, move and name clusters too. */
  readonly participantsCluster: boolean
  /** Participants may add and edit actions too. */
  readonly participantsEditActions: boolean
  /** Participants may export the report (issue: export). */
  readonly participantsExport: boolean
  /** The join dialog asks for a "Kommune / Institution" (optional); the report lists them. */
  readonly askInstitution: boolean
  /** Quotes are attributed with the author's institution, not only "Teilnehmerin/Teilnehmer". */
  readonly quoteInstitution: boolean
  /** Where the board is not anonymous, the CSV names each note's author by display name. */
  readonly namesInExports: boolean
  /** Participants may write the Bericht's parts too (model/permissions.ts `mayWriteBericht`). */
  readonly participantsWriteBericht: boolean
  /** "Anrede": how the German interface addresses the participants; boards without it say "Sie". */
  readonly address: Address
}

/** Formal ("Sie") or informal ("du"/"ihr") German address. */
export type Address = 'sie' | 'du'
export const ADDRESSES: readonly Address[] = ['sie', 'du']

export function isAddress(value: unknown): value is Address {
  return value === 'sie' || value === 'du'
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  privateWriting: true,
  anonymous: false,
  votesPerPerson: 5,
  maxVotesPerItem: 3,
  participantsCluster: false,
  participantsEditActions: false,
  participantsExport: false,
  askInstitution: false,
  quoteInstitution: false,
  namesInExports: false,
  participantsWriteBericht: false,
  address: 'sie',
})

export type SettingName = keyof Settings
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[]
export const MAX_VOTES = 20

/** Whether `value` is acceptable for setting `name` (also used by the server guard). */
export function isValidSetting(name: string, value: unknown): boolean {
  if (!(SETTING_NAMES as string[]).includes(name)) return false
  if (name === 'votesPerPerson' || name === 'maxVotesPerItem') {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_VOTES
  }
  if (name === 'address') return isAddress(value)
  return typeof value === 'boolean'
}

/** Reads the settings from meta, with defaults for what was never set. */
export function readSettings(meta: Y.Map<unknown>): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const name of SETTING_NAMES) {
    const value = meta.get(`setting.${name}`)
    if (isValidSetting(name, value)) out[name] = value
  }
  return out as unknown as Settings
}

/** Changes one setting (moderator only). */
export function setSetting<K extends SettingName>(doc: Y.Doc, name: K, value: Settings[K]): void {
  if (!isValidSetting(name, value)) throw new RangeError(`invalid value for ${name}`)
  doc.transact(() => metaOf(doc).set(`setting.${name}`, value), LOCAL)
}

/**
 * Sets the board's language, in which its report and every export are written, whoever reads or
 * downloads them (moderator only, see rules). Each person's interface language is their own; this
 * is the board's, first taken from its creator's interface. Stored as meta `locale`, which board
 * files carry and the importer restores.
 */
export function setBoardLocale(doc: Y.Doc, locale: Locale): void {
  if (!isLocale(locale)) throw new RangeError('invalid locale')
  doc.transact(() => metaOf(doc).set('locale', locale), LOCAL)
}
