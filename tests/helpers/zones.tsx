import { render } from '@testing-library/react'
import { Announcer } from '../../client/a11y/announce'
import { Zone } from '../../client/board/Zone'
import { ZONE_IDS } from '../../model/zones'

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
