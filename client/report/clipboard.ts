/**
 * Copies the report as rich text (for mail and documents) and as plain text. Where the browser
 * cannot write HTML to the clipboard it copies the plain text only. Throws when both fail (no
 * permission, or no clipboard at all, e.g. on plain http).
 */
export async function copyRichText(html: string, plain: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
  if (!clipboard) throw new Error('no clipboard')
  if (typeof clipboard.write === 'function' && typeof ClipboardItem !== 'undefined') {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([plain], { type: 'text/plain' }),
        }),
      ])
      return
    } catch {
      // HTML not supported or refused: try the plain text below.
    }
  }
  await clipboard.writeText(plain)
}
