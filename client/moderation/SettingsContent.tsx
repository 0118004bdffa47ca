import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { LIMITS } from '../../model/limits'
import { MAX_VOTES } from '../../model/settings'
import type { SettingName, Settings } from '../../model/settings'
import { ZONE_IDS } from '../../model/zones'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { NumberField, wholeNumber } from '../NumberField'
import { useBoard } from '../store/board'
import { changeQuestion, changeSetting, changeTopic, lockBoard, renameBoard } from '../store/moderation'
import { AddressSetting } from './AddressSetting'
import { CoModeratorLinks } from './CoModeratorLinks'
import { DeleteBoard } from './DeleteBoard'
import { ReportLanguage } from './ReportLanguage'

type FlagName = { [K in SettingName]: Settings[K] extends boolean ? K : never }[SettingName]
type CountName = { [K in SettingName]: Settings[K] extends number ? K : never }[SettingName]

const FLAGS: readonly (readonly [FlagName, MessageKey])[] = [
  ['privateWriting', 'settings.privateWriting'],
  ['anonymous', 'settings.anonymous'],
  ['participantsCluster', 'settings.participantsCluster'],
  ['participantsEditActions', 'settings.participantsEditActions'],
  ['participantsExport', 'settings.participantsExport'],
]

/** What the report may say about who took part (issue 16). */
const MINUTES_FLAGS: readonly (readonly [FlagName, MessageKey])[] = [
  ['askInstitution', 'settings.askInstitution'],
  ['quoteInstitution', 'settings.quoteInstitution'],
  ['namesInExports', 'settings.namesInExports'],
  ['participantsWriteBericht', 'settings.participantsWriteBericht'],
]

const COUNTS: readonly (readonly [CountName, MessageKey])[] = [
  ['votesPerPerson', 'settings.votesPerPerson'],
  ['maxVotesPerItem', 'settings.maxVotesPerItem'],
]

/** The panel's contents, loaded when the moderator first opens it (kept out of the first load). */
export function SettingsContent({ headingId, onClose }: { readonly headingId: string; readonly onClose: () => void }) {
  const t = useT()
  return (
    <>
      <div className="settings__head">
        <h2 id={headingId}>{t('settings.heading')}</h2>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
      <fieldset className="settings__group">
        <legend>{t('settings.rules')}</legend>
        {FLAGS.map(([name, label]) => (
          <FlagSetting key={name} name={name} label={label} />
        ))}
        {COUNTS.map(([name, label]) => (
          <CountSetting key={name} name={name} label={label} />
        ))}
      </fieldset>
      <fieldset className="settings__group">
        <legend>{t('settings.minutes')}</legend>
        {MINUTES_FLAGS.map(([name, label]) => (
          <FlagSetting key={name} name={name} label={label} />
        ))}
      </fieldset>
      <BoardTexts />
      <ReportLanguage />
      <AddressSetting />
      <fieldset className="settings__group">
        <legend>{t('settings.access')}</legend>
        <LockToggle />
        <CoModeratorLinks />
        <DeleteBoard />
      </fieldset>
    </>
  )
}

function FlagSetting({ name, label }: { readonly name: FlagName; readonly label: MessageKey }) {
  const t = useT()
  const value = useBoard((s) => s.settings[name])
  return (
    <label className="settings__check">
      <input type="checkbox" checked={value} onChange={(e) => changeSetting(name, e.target.checked)} />
      {t(label)}
    </label>
  )
}

function CountSetting({ name, label }: { readonly name: CountName; readonly label: MessageKey }) {
  const t = useT()
  const id = useId()
  const value = useBoard((s) => s.settings[name])
  const [text, setText] = useState(String(value))
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    // Someone else (or this field) changed it: show the board's value.
    setSeen(value)
    setText(String(value))
  }
  const invalid = wholeNumber(text, 1, MAX_VOTES) === null

  // Applied on leaving the field or Enter, so that typing 15 never sets 1 on the way.
  function commit() {
    const n = wholeNumber(text, 1, MAX_VOTES)
    if (n === null) setText(String(value))
    else if (n !== value) changeSetting(name, n)
  }

  return (
    <div className="settings__field">
      <NumberField id={id} label={t(label)} value={text} invalid={invalid} describedBy={`${id}-hint`} onChange={setText} onCommit={commit} />
      <span id={`${id}-hint`} className={invalid ? 'error' : 'hint'}>
        {t('settings.votesRange', { min: 1, max: MAX_VOTES })}
      </span>
    </div>
  )
}

/** Title, topic and the three questions; applied together with one button. */
function BoardTexts() {
  const t = useT()
  const id = useId()
  const [title, setTitle] = useState(() => useBoard.getState().title)
  const [topic, setTopic] = useState(() => useBoard.getState().topic)
  const [questions, setQuestions] = useState<Record<ZoneId, string>>(() => {
    const zones = useBoard.getState().zones
    return { steigen: zones.steigen.question ?? '', untenHalten: zones.untenHalten.question ?? '', einheizen: zones.einheizen.question ?? '' }
  })
  const [status, setStatus] = useState('')

  function apply(event: FormEvent) {
    event.preventDefault()
    renameBoard(title)
    changeTopic(topic)
    for (const zone of ZONE_IDS) changeQuestion(zone, questions[zone])
    setStatus(t('settings.textsSaved'))
  }

  function edit(change: () => void) {
    setStatus('')
    change()
  }

  return (
    <form className="settings__group settings__texts" onSubmit={apply}>
      <fieldset>
        <legend>{t('settings.texts')}</legend>
        <div className="settings__field">
          <label htmlFor={`${id}-title`}>{t('settings.title')}</label>
          <input id={`${id}-title`} type="text" value={title} maxLength={LIMITS.titleLength} onChange={(e) => edit(() => setTitle(e.target.value))} />
        </div>
        <div className="settings__field">
          <label htmlFor={`${id}-topic`}>{t('settings.topic')}</label>
          <input id={`${id}-topic`} type="text" value={topic} maxLength={LIMITS.titleLength} onChange={(e) => edit(() => setTopic(e.target.value))} />
        </div>
        <p id={`${id}-qhint`} className="hint">
          {t('settings.questionHint')}
        </p>
        {ZONE_IDS.map((zone) => (
          <div key={zone} className="settings__field">
            <label htmlFor={`${id}-${zone}`}>{t('settings.question', { zone: t(`zone.${zone}.title`) })}</label>
            <input
              id={`${id}-${zone}`}
              type="text"
              value={questions[zone]}
              placeholder={t(`zone.${zone}.question`)}
              aria-describedby={`${id}-qhint`}
              maxLength={LIMITS.questionLength}
              onChange={(e) => {
                const value = e.target.value
                edit(() => setQuestions((q) => ({ ...q, [zone]: value })))
              }}
            />
          </div>
        ))}
        <div className="settings__actions">
          <button type="submit" className="button">
            {t('settings.saveTexts')}
          </button>
          <span className="settings__status" role="status">
            {status}
          </span>
        </div>
      </fieldset>
    </form>
  )
}

function LockToggle() {
  const t = useT()
  const id = useId()
  const locked = useBoard((s) => s.locked)
  return (
    <div className="settings__field">
      <button type="button" className="button" aria-describedby={id} onClick={() => lockBoard(!locked)}>
        <span aria-hidden="true">{locked ? '🔓 ' : '🔒 '}</span>
        {locked ? t('settings.unlock') : t('settings.lock')}
      </button>
      <span id={id} className="hint">
        {t('settings.lockHint')}
      </span>
    </div>
  )
}
