import { PICTURE_HEIGHT, PICTURE_WIDTH } from './picture'

/**
 * Draws an SVG document onto a 1600×900 canvas and returns it as PNG. The SVG is loaded from a
 * blob: URL (the CSP allows blob: images), so nothing leaves the browser.
 */
export async function svgToPng(svg: string, width = PICTURE_WIDTH, height = PICTURE_HEIGHT): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image(width, height)
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('the picture could not be loaded'))
      image.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    context.drawImage(image, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
