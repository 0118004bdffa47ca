import type * as Y from 'yjs'

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * Makes `text` read `wanted` by replacing only the changed middle part, so that a concurrent
 * edit elsewhere in the same text survives. Call inside a transaction.
 */
export function replaceText(text: Y.Text, wanted: string): void {
  const current = text.toString()
  if (current === wanted) return
  let start = 0
  while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++
  let end = 0
  while (
    end < current.length - start &&
    end < wanted.length - start &&
    current[current.length - 1 - end] === wanted[wanted.length - 1 - end]
  )
    end++
  // Never split a surrogate pair: Yjs stores text as UTF-8 and would turn a lone half into U+FFFD.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  if (end > 0 && isHighSurrogate(current.charCodeAt(current.length - end - 1))) end--
  const removed = current.length - start - end
  if (removed > 0) text.delete(start, removed)
  const inserted = wanted.slice(start, wanted.length - end)
  if (inserted !== '') text.insert(start, inserted)
}
