import { TopBar } from '../TopBar'

/** /barrierefreiheit: the accessibility statement (Erklärung zur Barrierefreiheit). Being written. */
export function AccessibilityPage() {
  return (
    <div className="page accessibility">
      <TopBar />
      <main className="card" />
    </div>
  )
}
