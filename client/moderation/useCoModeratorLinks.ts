import { useCallback, useEffect, useState } from 'react'
import type { LinkAnswer, LinkRefusal, ModeratorLinkInfo } from '../api'
import { coModeratorLinks } from './moderatorAccess'

/** The list as far as it is known: loading, shown, or why it cannot be shown. */
export type LinkList =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly links: readonly ModeratorLinkInfo[] }
  | { readonly kind: 'notOwner' }
  | { readonly kind: 'noToken' }
  | { readonly kind: 'failed'; readonly answer: LinkRefusal }

function listOf(answer: LinkAnswer<readonly ModeratorLinkInfo[]>): LinkList {
  if (answer.ok) return { kind: 'ready', links: answer.value }
  if (answer.status === 401) return { kind: 'noToken' }
  return answer.status === 403 ? { kind: 'notOwner' } : { kind: 'failed', answer }
}

/** The board's co-moderator links, loaded when the settings open; `reload` after a change. */
export function useCoModeratorLinks(): { readonly list: LinkList; reload(): Promise<void> } {
  const [list, setList] = useState<LinkList>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    void coModeratorLinks().then((answer) => live && setList(listOf(answer)))
    return () => {
      live = false
    }
  }, [])
  const reload = useCallback(async () => setList(listOf(await coModeratorLinks())), [])
  return { list, reload }
}
