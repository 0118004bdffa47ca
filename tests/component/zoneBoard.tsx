import { render } from '@testing-library/react'
import * as Y from 'yjs'
import { Announcer } from '../../client/a11y/announce'
import { Zone } from '../../client/board/Zone'
import { activateLocal } from '../../client/sync/activeBoard'
import { initBoard } from '../../model/board'
import type { Actor } from '../../model/identity'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import type { Phase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import type { Settings } from '../../model/settings'
import { ZONE_IDS } from '../../model/zones'
import type { ZoneId } from '../../model/zones'
import { ME, OTHER } from '../helpers/board'

export const MOD: Actor = { participantId: 'mod-1', role: 'moderator' }

interface Options {
  readonly actor?: Actor
  readonly phase?: Phase
  readonly settings?: Partial<Settings>
}

/** A local board with a private doc, notes (by another participant unless said), phase and settings. */
export function zoneBoard(
  notes: ReadonlyArray<{ readonly zone: ZoneId; readonly text: string; readonly author?: string }> = [],
  { actor = ME, phase, settings = {} }: Options = {},
) {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sprint 42' })
  const ids = notes.map((n) => addNote(doc, { zone: n.zone, text: n.text, author: n.author ?? OTHER }))
  if (phase) setPhase(doc, phase)
  for (const [name, value] of Object.entries(settings)) setSetting(doc, name as keyof Settings, value as never)
  const privateDoc = new Y.Doc()
  const stop = activateLocal(doc, actor, privateDoc)
  return { doc, privateDoc, ids, stop }
}

/** The three zones and the page's live region (the rest of the page belongs to other tests). */
export function renderZones() {
  return render(
    <main>
      {ZONE_IDS.map((zone) => (
        <Zone key={zone} zone={zone} />
      ))}
      <Announcer />
    </main>,
  )
}
