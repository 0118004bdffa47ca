import { useEffect, useRef, useState } from 'react'
import type { TrashItem } from '../../model/trash'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { partLabel } from '../report/partLabel'
import { useLocale } from '../store/locale'
import { useBoard } from '../store/board'
import { requestTrash, restoreFromTrash, useTrash } from '../store/trash'

const REFUSALS = ['notAllowed', 'notInTrash', 'closed', 'privateCollecting', 'alreadyThere', 'notesGone', 'boardFull', 'offline'] as const

function refusalKey(code: string): MessageKey {
  return (REFUSALS as readonly string[]).includes(code) ? (`trash.error.${code}` as MessageKey) : 'trash.error.unknown'
}

/** Asks for the list now and again whenever the board changes while the panel is open (a delete fills it). */
function useLiveTrash(): boolean {
  const [online, setOnline] = useState(() => requestTrash())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const unsubscribe = useBoard.subscribe(() => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => setOnline(requestTrash()), 250)
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [])
  return online
}

/** The Papierkorb's contents: each entry with what it was, where and when, and "Wiederherstellen". */
export function TrashContent({ headingId, onClose }: { readonly headingId: string; readonly onClose: () => void }) {
  const t = useT()
  const items = useTrash((s) => s.items)
  const online = useLiveTrash()
  const [problem, setProblem] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  async function restore(item: TrashItem) {
    setProblem(null)
    const code = await restoreFromTrash(item.id)
    requestTrash()
    if (code === '') announce(t('trash.restored', { text: labelOf(item, t) }))
    else {
      setProblem(t(refusalKey(code)))
      announce(t(refusalKey(code)))
    }
    // The entry left the list: focus stays in the panel, on its heading.
    heading.current?.focus()
  }

  return (
    <>
      <div className="trash__head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('trash.heading')}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('trash.close')}
        </button>
      </div>
      <p className="trash__intro">{t('trash.intro')}</p>
      {problem && (
        <p className="trash__problem" role="alert">
          {problem}
        </p>
      )}
      {!online && items === null ? (
        <p role="status">{t('trash.offline')}</p>
      ) : items === null ? (
        <p role="status">{t('trash.loading')}</p>
      ) : items.length === 0 ? (
        <p role="status">{t('trash.empty')}</p>
      ) : (
        <ul className="trash__list" aria-label={t('trash.list')}>
          {items.map((item) => (
            <TrashEntryItem key={item.id} item={item} onRestore={() => void restore(item)} />
          ))}
        </ul>
      )}
    </>
  )
}

function labelOf(item: TrashItem, t: ReturnType<typeof useT>): string {
  if (item.kind === 'bericht') return t('trash.bericht.label', { part: partLabel(t, item.part) })
  return item.kind === 'cluster' && item.text === '' ? t('cluster.untitled') : item.text
}

/** Longest preview of a kept Bericht text in the list (the restore brings back all of it). */
const PREVIEW = 200

/** What the entry shows first: a note's text, a cluster's title, the start of a Bericht text. */
function textOf(item: TrashItem, t: ReturnType<typeof useT>): string {
  if (item.kind !== 'bericht') return labelOf(item, t)
  return item.text.length > PREVIEW ? `${item.text.slice(0, PREVIEW).trimEnd()} …` : item.text
}

function whereOf(item: TrashItem, t: ReturnType<typeof useT>, time: string): string {
  if (item.kind === 'bericht') return t('trash.bericht', { part: partLabel(t, item.part), time })
  const zone = t(`zone.${item.zone}.title`)
  return item.kind === 'note' ? t('trash.note', { zone, time }) : t('trash.cluster', { zone, time, count: item.notes })
}

function TrashEntryItem({ item, onRestore }: { readonly item: TrashItem; readonly onRestore: () => void }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(item.deletedAt)
  const where = whereOf(item, t, time)
  const textId = `trash-${item.id}`
  return (
    <li className="trash__item">
      <p id={textId} className={item.kind === 'bericht' ? 'trash__text trash__text--bericht' : 'trash__text'}>
        {textOf(item, t)}
      </p>
      <p className="trash__where">{where}</p>
      <button type="button" className="button" aria-describedby={textId} onClick={onRestore}>
        {t('trash.restore')}
      </button>
    </li>
  )
}
