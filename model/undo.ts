import * as Y from 'yjs'
import { LOCAL, actionsOf, clustersOf, metaOf, notesOf } from './schema'
import { ballotOf } from './privateDoc'

/**
 * Rückgängig and Wiederholen for one person's own changes in this browser session. Yjs's
 * UndoManager tracks only transactions with this process's LOCAL origin, so an undo reverts
 * exactly what this person did and never someone else's concurrent work (their items are not on
 * the stack; where both touched the same note, the other person's later change stays).
 *
 * What can be undone: notes (text, zone, order, clustering, deletion of one's own), clusters
 * (create, rename, dissolve), actions, and one's votes while voting is open (the private ballot).
 * What cannot: phase changes, the lock, settings, the timer and the focus (meta: the moderator
 * steps the whole group, and "back" has its own warning there), drafts written privately (they
 * are only in one's own browser until revealed), and anything from before this session.
 *
 * Every undo is an ordinary update that the server's guard checks like any other. The rights of a
 * change depend on the phase and the lock, so both stacks are emptied when either changes: an
 * undo is only offered while the rules that allowed the change still hold.
 */
export interface Undo {
  canUndo(): boolean
  canRedo(): boolean
  /** Reverts my latest change on either doc; false when there was none. */
  undo(): boolean
  redo(): boolean
  /** Calls `listener` after every change of what can be undone or redone. */
  onChange(listener: () => void): () => void
  destroy(): void
}

/**
 * Each action is one step: the model writes one transaction per action (a saved text, a move, a
 * grouping), so nothing is merged by time.
 */
const CAPTURE_MS = 0

type Which = 'board' | 'private'

export function createUndo(doc: Y.Doc, privateDoc: Y.Doc): Undo {
  const managers: Record<Which, Y.UndoManager> = {
    board: new Y.UndoManager([notesOf(doc), clustersOf(doc), actionsOf(doc)], {
      trackedOrigins: new Set([LOCAL]),
      captureTimeout: CAPTURE_MS,
    }),
    private: new Y.UndoManager([ballotOf(privateDoc)], { trackedOrigins: new Set([LOCAL]), captureTimeout: CAPTURE_MS }),
  }
  // Which doc each step of the two stacks belongs to, in the order they were made.
  const undone: Which[] = []
  const done: Which[] = []
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((l) => l())
  let replaying = false

  for (const which of ['board', 'private'] as const) {
    const manager = managers[which]
    manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
      if (replaying) return
      // A new change of mine (not an undo or redo): a new step, and nothing left to redo.
      if (event.type === 'undo') {
        done.push(which)
        undone.length = 0
        for (const m of Object.values(managers)) m.redoStack.length = 0
      }
      changed()
    })
    // Merged into the step before it (typing on): the step is already counted.
    manager.on('stack-item-updated', changed)
  }

  const clear = () => {
    for (const m of Object.values(managers)) m.clear()
    done.length = 0
    undone.length = 0
    changed()
  }
  const meta = metaOf(doc)
  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has('phase') || event.keysChanged.has('locked')) clear()
  }
  meta.observe(onMeta)

  // One step back or forward. A step whose items others have removed meanwhile has nothing left
  // to revert; the next one is taken then.
  const step = (from: Which[], to: Which[], act: (m: Y.UndoManager) => unknown): boolean => {
    let which = from.pop()
    while (which) {
      replaying = true
      let result: unknown
      try {
        result = act(managers[which])
      } finally {
        replaying = false
      }
      if (result) {
        to.push(which)
        changed()
        return true
      }
      which = from.pop()
    }
    changed()
    return false
  }

  return {
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    undo: () => step(done, undone, (m) => m.undo()),
    redo: () => step(undone, done, (m) => m.redo()),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      meta.unobserve(onMeta)
      for (const m of Object.values(managers)) m.destroy()
      listeners.clear()
    },
  }
}
