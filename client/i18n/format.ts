import { formatDay, formatNumber, pluralCategory } from '../../model/export/format'

/**
 * Dates, numbers and plurals in the interface, through `Intl`. The exporters' functions in
 * model/export/format.ts do the work, so the report page and the downloaded files agree.
 * Plural messages live in the dictionaries as `key.one` / `key.other`; `t(key, { count })`
 * picks the form (see ./index.ts).
 */
export { formatDay, formatNumber, pluralCategory }

