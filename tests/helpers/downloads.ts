import { vi } from 'vitest'

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(); FileReader it has). */
export function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

/** A Blob's text as UTF-8, a leading byte order mark kept. */
export async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(blob))
}

/** Captures what is downloaded: the Blob given to createObjectURL and the link clicked. */
export function captureDownloads() {
  const blobs: Blob[] = []
  const created: string[] = []
  const revoked: string[] = []
  const clicks: { href: string; download: string }[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    const url = `blob:http://localhost/${blobs.length}`
    created.push(url)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url))
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href') ?? '', download: this.download })
  })
  return { blobs, created, revoked, clicks }
}
