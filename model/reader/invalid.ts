/** An update the reader refuses before any rule looks at it. */
export class InvalidUpdate extends Error {
  constructor(
    /** malformed: not a Yjs update; missing: depends on unknown structs; schema: not our document. */
    readonly code: 'malformed' | 'missing' | 'schema',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
  }
}
