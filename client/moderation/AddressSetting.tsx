import { useId } from 'react'
import { ADDRESSES } from '../../model/settings'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { changeSetting } from '../store/moderation'

/** "Anrede": whether the German interface says "Sie" or "du" to everyone on this board. */
export function AddressSetting() {
  const t = useT()
  const hintId = useId()
  const address = useBoard((s) => s.settings.address)
  return (
    <fieldset className="settings__group" aria-describedby={hintId}>
      <legend>{t('settings.address')}</legend>
      {ADDRESSES.map((option) => (
        <label key={option} className="settings__check">
          <input type="radio" name={`${hintId}-address`} value={option} checked={address === option} onChange={() => changeSetting('address', option)} />
          {t(`settings.address.${option}`)}
        </label>
      ))}
      <p id={hintId} className="hint">
        {t('settings.addressHint')}
      </p>
    </fieldset>
  )
}
