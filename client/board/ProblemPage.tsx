import { useLayoutEffect, useRef } from 'react'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { TopBar } from '../TopBar'

export type PageProblem = 'unknownBoard' | 'forbidden' | 'boardFull' | 'deleted'

const TEXTS: Readonly<Record<PageProblem, readonly [MessageKey, ...MessageKey[]]>> = {
  unknownBoard: ['problem.notFound', 'problem.notFoundText'],
  forbidden: ['problem.forbidden', 'problem.forbiddenText'],
  boardFull: ['problem.boardFull', 'problem.boardFullText'],
  deleted: ['problem.deleted', 'problem.deletedText', 'problem.deletedErased'],
}

/**
 * A whole page for a board that cannot be shown, with a way back to the start. It replaces
 * the board while someone may be working on it (a deletion), so the focus moves to its heading.
 */
export function ProblemPage({ problem }: { readonly problem: PageProblem }) {
  const t = useT()
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
        <p>
          <a href="/">{t('problem.home')}</a>
        </p>
      </main>
    </div>
  )
}
