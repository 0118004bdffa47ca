import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { useSession } from '../store/session'
import type { ConnectionState, SaveState } from '../store/session'

const CONNECTION: Readonly<Record<ConnectionState, MessageKey>> = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  offline: 'status.offline',
}

// Only 'saved' may say "gespeichert": people must not read a pending state as safe.
const SAVE: Readonly<Record<SaveState, MessageKey>> = {
  saved: 'status.saved',
  saving: 'status.saving',
  local: 'status.local',
}

/** Connection and save state as words, with a shape as well as a colour. */
export function SyncStatus() {
  const t = useT()
  const connection = useSession((s) => s.connection)
  const save = useSession((s) => s.save)
  return (
    <dl className="sync">
      <div className={`sync__item sync__item--${connection}`}>
        <dt>{t('status.connection')}</dt>
        <dd>
          <span role="status">{t(CONNECTION[connection])}</span>
        </dd>
      </div>
      <div className={`sync__item sync__item--${save}`}>
        <dt>{t('status.save')}</dt>
        <dd>{t(SAVE[save])}</dd>
      </div>
    </dl>
  )
}
