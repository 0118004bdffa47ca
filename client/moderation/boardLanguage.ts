import { setBoardLocale } from '../../model/settings'
import type { Locale } from '../../model/zones'
import { run } from '../store/run'

/** The moderator's choice of the language the report and the exports are written in (rules: moderators only). */
export const changeBoardLocale = (locale: Locale) => run(({ doc }) => setBoardLocale(doc, locale))
