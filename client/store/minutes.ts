import { editBerichtPart, regenerateBerichtPart, startBericht } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { setMeetingDetails } from '../../model/details'
import type { MeetingDetails } from '../../model/details'
import { setQuote } from '../../model/notes'
import { setPerson } from '../../model/people'
import type { Person } from '../../model/people'
import { run } from './run'
import type { ActionResult } from './run'

/** The minutes' actions (issue 16): the meeting's details and quotes are the moderator's, the institution each participant's own. */

/** Sets the meeting's date and details; an impossible date or time is refused as `invalid`. */
export function changeMeetingDetails(details: Partial<MeetingDetails> & { readonly date?: string }): ActionResult | { readonly ok: false; readonly code: 'invalid' } {
  try {
    return run(({ doc }) => setMeetingDetails(doc, details))
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, code: 'invalid' }
    throw error
  }
}

export const markQuote = (noteId: string, quote: boolean) => run(({ doc }) => setQuote(doc, noteId, quote))

/** Writes what I tell about myself (my institution) under my own participant id. */
export const tellAboutMe = (person: Person) => run(({ doc, actor }) => setPerson(doc, actor.participantId, person))

/** Starts the Bericht from the generated draft (parts someone started meanwhile are kept). */
export const startReport = (draft: Readonly<Record<BerichtPart, string>>) => run(({ doc }) => startBericht(doc, draft))

/** "Absatz neu erzeugen" (the moderator's): the part becomes the draft again. */
export const regenerateReportPart = (part: BerichtPart, draft: string) => run(({ doc }) => regenerateBerichtPart(doc, part, draft))

/** Changes one part of the Bericht to `text` (a part over its limit is refused as `invalid`). */
export function editReportPart(part: BerichtPart, text: string): ActionResult | { readonly ok: false; readonly code: 'invalid' } {
  try {
    return run(({ doc }) => editBerichtPart(doc, part, text))
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, code: 'invalid' }
    throw error
  }
}
