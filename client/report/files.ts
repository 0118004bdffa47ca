import type { Locale } from '../../model/zones'

/** File names and downloads for the report's exports. */

const TRANSLITERATE: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'oe', œ: 'oe', ł: 'l', đ: 'd' }

/** A lower-case ASCII slug of `text` ("Sprint 42 – Rückblick" → "sprint-42-rueckblick"), at most 60 characters. */
export function slugOf(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[äöüßæøœłđ]/g, (c) => TRANSLITERATE[c] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  return ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/** A local calendar day as YYYY-MM-DD. */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * `ballonfahrt-<title-slug>[-<kind>]-<date>.<ext>`, ASCII only; the slug is left out for a title
 * without letters or digits. `kind` says what the file holds where one extension has two files
 * (the two CSV files, see CSV_KINDS).
 */
export function exportFileName(title: string, date: string, ext: string, now: Date = new Date(), kind = ''): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today(now)
  const parts = [slugOf(title), slugOf(kind)].filter((part) => part !== '')
  return `ballonfahrt-${parts.map((part) => `${part}-`).join('')}${day}.${ext}`
}

/** What each CSV file is, in the files' language: the notes with their votes, for any program or for Excel. */
export const CSV_KINDS: Readonly<Record<Locale, { readonly csv: string; readonly csvExcel: string }>> = {
  de: { csv: 'notizen', csvExcel: 'notizen-excel' },
  en: { csv: 'notes', csvExcel: 'notes-excel' },
}

/** How long the object URL of a download lives: long enough for every browser to start the download. */
export const REVOKE_AFTER_MS = 500

/** Saves `blob` as `fileName` through a temporary object URL and a download link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}

/** MIME types of the exports; text types carry their charset. */
export const MIME = {
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
} as const
