import * as Y from 'yjs'
import { cleanInput, ModelError } from './errors'
import { newItemId } from './ids'
import { LIMITS } from './limits'
import { LOCAL, actionsOf } from './schema'
import { replaceText } from './text'

/**
 * Maßnahmen: what the group agrees to do (was / wer / bis wann). The code calls one an action,
 * as the architecture does, and they live in the board's Y root `actions`: that is the stored
 * name in every saved board and export, so it stays, while this module is named for the domain.
 */
export type ActionId = string

/** An agreed action: was / wer / bis wann, optionally linked to a cluster or note. */
export interface NewAction {
  readonly what: string
  readonly who?: string
  /** An ISO date (YYYY-MM-DD) or empty. */
  readonly until?: string
  /** Id of a cluster or note this action follows from. */
  readonly link?: string | null
  readonly createdAt?: number
}

export interface ActionPatch {
  readonly what?: string
  readonly who?: string
  readonly until?: string
  readonly link?: string | null
  readonly done?: boolean
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether `value` is a valid "bis wann": empty, or a real calendar date. */
export function isUntil(value: unknown): value is string {
  if (value === '') return true
  if (typeof value !== 'string' || !DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

function who(value: string | undefined): string {
  return (value ?? '').trim().slice(0, LIMITS.whoLength)
}

function until(value: string | undefined): string {
  const v = (value ?? '').trim()
  if (!isUntil(v)) throw new RangeError('until must be YYYY-MM-DD')
  return v
}

/** Adds an action and returns its id. */
export function addAction(doc: Y.Doc, input: NewAction): ActionId {
  const what = cleanInput(input.what, LIMITS.actionLength)
  if (actionsOf(doc).size >= LIMITS.actionsPerBoard) throw new ModelError('boardFull')
  const id = newItemId()
  doc.transact(() => {
    const a = new Y.Map<unknown>()
    a.set('what', new Y.Text(what))
    a.set('who', who(input.who))
    a.set('until', until(input.until))
    a.set('link', input.link ?? null)
    a.set('done', false)
    a.set('createdAt', input.createdAt ?? Date.now())
    actionsOf(doc).set(id, a)
  }, LOCAL)
  return id
}

/** Changes fields of an action; `what` is edited as collaborative text. */
export function updateAction(doc: Y.Doc, id: ActionId, patch: ActionPatch): void {
  const a = actionsOf(doc).get(id)
  if (!a) throw new ModelError('unknownAction')
  const what = patch.what === undefined ? undefined : cleanInput(patch.what, LIMITS.actionLength)
  const nextUntil = patch.until === undefined ? undefined : until(patch.until)
  doc.transact(() => {
    const text = a.get('what')
    if (what !== undefined && text instanceof Y.Text) replaceText(text, what)
    if (patch.who !== undefined && a.get('who') !== who(patch.who)) a.set('who', who(patch.who))
    if (nextUntil !== undefined && a.get('until') !== nextUntil) a.set('until', nextUntil)
    if (patch.link !== undefined && a.get('link') !== patch.link) a.set('link', patch.link)
    if (patch.done !== undefined && a.get('done') !== patch.done) a.set('done', patch.done)
  }, LOCAL)
}

export function deleteAction(doc: Y.Doc, id: ActionId): void {
  if (!actionsOf(doc).has(id)) throw new ModelError('unknownAction')
  doc.transact(() => actionsOf(doc).delete(id), LOCAL)
}
