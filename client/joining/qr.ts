/** A QR code as one SVG path of unit squares; the generator loads only when a code is drawn. */
export interface QrShape {
  /** Modules per side, without the quiet zone. */
  readonly size: number
  readonly path: string
}

export async function qrShape(text: string): Promise<QrShape> {
  const { default: qrcode } = await import('qrcode-generator')
  // Automatic version, error correction M: readable off a compressed video stream.
  const code = qrcode(0, 'M')
  code.addData(text)
  code.make()
  const size = code.getModuleCount()
  let path = ''
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (code.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`
  return { size, path }
}
