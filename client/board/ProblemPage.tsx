import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { TopBar } from '../TopBar'

export type PageProblem = 'unknownBoard' | 'forbidden' | 'boardFull' | 'deleted'

const TEXTS: Readonly<Record<PageProblem, readonly [MessageKey, MessageKey]>> = {
  unknownBoard: ['problem.notFound', 'problem.notFoundText'],
  forbidden: ['problem.forbidden', 'problem.forbiddenText'],
  boardFull: ['problem.boardFull', 'problem.boardFullText'],
  deleted: ['problem.deleted', 'problem.deletedText'],
}

/** A whole page for a board that cannot be shown, with a way back to the start. */
export function ProblemPage({ problem }: { readonly problem: PageProblem }) {
  const t = useT()
  const [heading, text] = TEXTS[problem]
  return (
    <div className="page problem">
      <TopBar />
      <main className="problem__main card">
        <h1>{t(heading)}</h1>
        <p>{t(text)}</p>
        <p>
          <a href="/">{t('problem.home')}</a>
        </p>
      </main>
    </div>
  )
}
