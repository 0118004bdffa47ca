import { render } from '@testing-library/react'
import { Announcer } from '../../client/a11y/announce'
import { Zone } from '../../client/board/Zone'
import { ZoneKeysHint } from '../../client/board/ZoneKeysHint'
import { ZONE_IDS } from '../../model/zones'

/** The three zones, the keyboard hint they point to and the page's live region (the rest of the page belongs to other tests). */
export function renderZones() {
  return render(
    <main>
      <ZoneKeysHint />
      {ZONE_IDS.map((zone) => (
        <Zone key={zone} zone={zone} />
      ))}
      <Announcer />
    </main>,
  )
}
