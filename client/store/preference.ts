/**
 * A choice a person makes for this browser — interface language, colour scheme, plain language,
 * the timer's chime, the introduction seen, following the moderator — remembered in
 * localStorage and never written into a board. Without storage (private mode, full quota) the
 * choice is not remembered and still holds for this page.
 */
export interface PersistedPreference<T> {
  read(): T
  write(value: T): void
}

/** How a value is stored: `encode` returning null removes the entry. */
export interface Codec<T> {
  decode(stored: string | null): T
  encode(value: T): string | null
}

export function persistedPreference<T>(key: string, codec: Codec<T>): PersistedPreference<T> {
  return {
    read() {
      try {
        return codec.decode(localStorage.getItem(key))
      } catch {
        return codec.decode(null)
      }
    },
    write(value) {
      const stored = codec.encode(value)
      try {
        if (stored === null) localStorage.removeItem(key)
        else localStorage.setItem(key, stored)
      } catch {
        // Not remembered; the choice still holds for this page.
      }
    },
  }
}

/** On or off: stored as `on` when on, not at all when off. */
export function flag(on = '1'): Codec<boolean> {
  return { decode: (stored) => stored === on, encode: (value) => (value ? on : null) }
}

/** One of a set of strings; `fallback` when nothing, or something unknown, is stored. */
export function oneOf<T extends string>(isValue: (value: unknown) => value is T, fallback: T): Codec<T> {
  return { decode: (stored) => (isValue(stored) ? stored : fallback), encode: (value) => value }
}
