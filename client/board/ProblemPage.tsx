import { useLayoutEffect, useRef } from 'react'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { useSession } from '../store/session'
import type { Problem } from '../store/session'
import { TopBar } from '../TopBar'

export type PageProblem = 'unknownBoard' | 'forbidden' | 'revoked' | 'boardFull' | 'deleted'

const TEXTS: Readonly<Record<PageProblem, readonly [MessageKey, ...MessageKey[]]>> = {
  unknownBoard: ['problem.notFound', 'problem.notFoundText'],
  forbidden: ['problem.forbidden', 'problem.forbiddenText'],
  revoked: ['problem.revoked', 'problem.revokedText'],
  boardFull: ['problem.boardFull', 'problem.boardFullText'],
  deleted: ['problem.deleted', 'problem.deletedText', 'problem.deletedErased'],
}

/** Whether a problem takes the whole page (the others are said above the board). */
export function isPageProblem(problem: Problem): problem is PageProblem {
  return problem !== null && problem in TEXTS
}

/**
 * A whole page for a board that cannot be shown, with a way back to the start. It replaces
 * the board while someone may be working on it (a deletion), so the focus moves to its heading.
 * Without moderator rights (a link refused or revoked) one may go on as a participant.
 */
export function ProblemPage({ problem }: { readonly problem: PageProblem }) {
  const t = useT()
  const boardId = useSession((s) => s.boardId)
  const [heading, ...texts] = TEXTS[problem]
  const title = useRef<HTMLHeadingElement>(null)
  useLayoutEffect(() => title.current?.focus(), [problem])
  return (
    <div className="page problem">
      <TopBar />
      <main className="problem__main card">
        <h1 ref={title} tabIndex={-1}>
          {t(heading)}
        </h1>
        {texts.map((text) => (
          <p key={text}>{t(text)}</p>
        ))}
        {(problem === 'revoked' || problem === 'forbidden') && boardId && (
          <p>
            <a href={`/b/${boardId}`}>{t('problem.asParticipant')}</a>
          </p>
        )}
        <p>
          <a href="/">{t('problem.home')}</a>
        </p>
      </main>
    </div>
  )
}
