/** Items by revealed total, highest first; equal totals keep their order (Array.sort is stable). */
export function sortByTally<T extends { readonly id: string }>(items: readonly T[], tally: Readonly<Record<string, number>>): T[] {
  return [...items].sort((a, b) => (tally[b.id] ?? 0) - (tally[a.id] ?? 0))
}
