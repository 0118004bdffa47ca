/** /b/<boardId>/praesentation: the moderator's shared screen. Being written. */
export function PresentationPage({ boardId }: { readonly boardId: string }) {
  return <main data-board={boardId} />
}
