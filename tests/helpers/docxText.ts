import { strFromU8, unzipSync } from 'fflate'

export interface DocxParts {
  readonly files: Record<string, Uint8Array>
  readonly document: string
  readonly styles: string
  /** Each paragraph's style id (or '') and text, in order; table cells are paragraphs too. */
  readonly paragraphs: { style: string; text: string }[]
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&')
}

/** Unzips a .docx and reads its paragraphs' text (runs joined; <w:br/> as "\n"). */
export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes)
  const document = strFromU8(files['word/document.xml']!)
  const styles = strFromU8(files['word/styles.xml']!)
  const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? ''
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? ''
    let text = ''
    for (const part of body.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)) text += part[0] === '<w:br/>' ? '\n' : unescapeXml(part[1] ?? '')
    return { style, text }
  })
  return { files, document, styles, paragraphs }
}
