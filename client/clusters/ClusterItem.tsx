import { memo, useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { LIMITS } from '../../model/limits'
import type { ClusterView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import { announce } from '../a11y/announce'
import { errorKey } from '../board/errors'
import { HighlightBadge, HighlightButton, NoteItem } from '../board/NoteItem'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { useBoard } from '../store/board'
import { renameCluster } from '../store/clustering'
import { useTakeFocus } from '../store/focusRequest'
import { useIsModerator, useMayCluster } from '../store/permissions'
import { VoteControls } from '../voting/VoteControls'
import { clusterDropHandlers, endDrag, startDrag } from './drag'
import { clusterStepTarget, clusterTitle, dissolve, moveClusterStep, moveClusterToZone } from './moves'

/**
 * A cluster: a list item holding a group with the title as heading (a disclosure button that
 * collapses it), its notes as a nested list, and — for those who may cluster — renaming,
 * dissolving and moving.
 */
export const ClusterItem = memo(function ClusterItem({ cluster }: { readonly cluster: ClusterView }) {
  const t = useT()
  const id = useId()
  const clustering = useMayCluster()
  const moderator = useIsModerator()
  const highlighted = useBoard((s) => s.focus?.kind === 'cluster' && s.focus.id === cluster.id)
  const canUp = useBoard((s) => clusterStepTarget(s.zones[cluster.zone], cluster.id, -1) !== undefined)
  const canDown = useBoard((s) => clusterStepTarget(s.zones[cluster.zone], cluster.id, 1) !== undefined)
  const [open, setOpen] = useState(true)
  const [renaming, setRenaming] = useState(false)
  const self = useRef<HTMLLIElement>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const elementId = `cluster-${cluster.id}`
  useTakeFocus(elementId, self)
  const title = clusterTitle(t, cluster)
  const drop = clustering ? clusterDropHandlers(t, cluster.id, cluster.zone) : null

  function stopRenaming(focusBack: boolean) {
    setRenaming(false)
    // After the editor unmounts, the button is back.
    if (focusBack) setTimeout(() => renameButton.current?.focus(), 0)
  }

  return (
    <li
      ref={self}
      id={elementId}
      className={highlighted ? 'cluster cluster--focus' : 'cluster'}
      tabIndex={-1}
      draggable={clustering && !renaming ? true : undefined}
      onDragStart={clustering ? (event) => startDrag(event, { kind: 'cluster', id: cluster.id }) : undefined}
      onDragEnd={clustering ? endDrag : undefined}
      {...drop}
    >
      <div role="group" aria-labelledby={`${id}-title`} className="cluster__group">
        <div className="cluster__head">
          <h3 id={`${id}-title`} className="cluster__title">
            <button type="button" className="cluster__toggle" aria-expanded={open} aria-controls={`${id}-notes`} onClick={() => setOpen(!open)}>
              <span aria-hidden="true" className="cluster__chevron">
                {open ? '▾' : '▸'}
              </span>
              {cluster.zone === 'untenHalten' && <SandbagIcon />}
              {title}
            </button>
          </h3>
          <span className="cluster__count">{t('cluster.count', { count: cluster.notes.length })}</span>
          {highlighted && <HighlightBadge />}
        </div>
        {renaming && <TitleEditor clusterId={cluster.id} title={cluster.title} onDone={stopRenaming} />}
        <VoteControls targetId={cluster.id} title={title} />
        {(clustering || moderator) && !renaming && (
          <div className="note__actions">
            {clustering && (
              <>
                <button ref={renameButton} type="button" className="button button--small" aria-label={t('cluster.renameLabel', { title })} onClick={() => setRenaming(true)}>
                  {t('cluster.rename')}
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => dissolve(t, cluster.id)} aria-label={t('cluster.dissolveLabel', { title })}>
                  {t('cluster.dissolve')}
                </button>
                {canUp && (
                  <button type="button" className="button button--small" aria-label={t('cluster.upLabel', { title })} onClick={() => moveClusterStep(t, cluster.id, -1)}>
                    {t('move.up')}
                  </button>
                )}
                {canDown && (
                  <button type="button" className="button button--small" aria-label={t('cluster.downLabel', { title })} onClick={() => moveClusterStep(t, cluster.id, 1)}>
                    {t('move.down')}
                  </button>
                )}
                {ZONE_IDS.filter((z) => z !== cluster.zone).map((zone) => (
                  <button key={zone} type="button" className="button button--small" onClick={() => moveClusterToZone(t, cluster.id, zone)}>
                    {t('move.toZone', { zone: t(`zone.${zone}.title`) })}
                  </button>
                ))}
              </>
            )}
            {moderator && <HighlightButton kind="cluster" id={cluster.id} label={t('focus.clusterLabel', { title })} name={title} />}
          </div>
        )}
        <ul id={`${id}-notes`} className="cluster__notes" aria-label={t('cluster.notes', { title })} hidden={!open}>
          {cluster.notes.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
      </div>
    </li>
  )
})

/** In Unten halten a cluster is one of the balloon's sandbags: the same shape as in the picture. */
function SandbagIcon() {
  return (
    <svg className="cluster__sandbag" viewBox="-11 -1 22 24" aria-hidden="true" focusable="false">
      <path d="M0 0 c-8 2 -11 10 -9 16 c2 5 16 5 18 0 c2 -6 -1 -14 -9 -16 z" />
    </svg>
  )
}

interface EditorProps {
  readonly clusterId: string
  readonly title: string
  readonly onDone: (focusBack: boolean) => void
}

/** The cluster title as a textbox: Enter saves, Escape cancels. */
function TitleEditor({ clusterId, title, onDone }: EditorProps) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState(title)
  const [error, setError] = useState<MessageKey | null>(null)
  const box = useRef<HTMLInputElement>(null)
  useEffect(() => {
    box.current?.focus()
    box.current?.select()
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      onDone(true)
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      const result = renameCluster(clusterId, text)
      if (result.ok) {
        announce(t('announce.renamed', { title: text.trim() === '' ? t('cluster.untitled') : text.trim() }))
        onDone(true)
      } else setError(result.code === 'tooLong' ? 'actions.tooLong' : errorKey(result.code))
    }
  }

  return (
    <div className="cluster__rename">
      <label htmlFor={`${id}-box`}>{t('cluster.titleBox')}</label>
      <input
        ref={box}
        id={`${id}-box`}
        type="text"
        value={text}
        maxLength={LIMITS.clusterTitleLength}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // Leaving the box without Enter keeps the old title.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) onDone(false)
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t('cluster.titleHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="error">
          {t(error)}
        </p>
      )}
    </div>
  )
}
