import { useState } from 'react'
import { toCsv } from '../../model/export/csv'
import { toJson } from '../../model/export/json'
import { toMarkdown } from '../../model/export/markdown'
import type { Report } from '../../model/export/report'
import { toHtml, toPlainText } from '../../model/export/text'
import type { BoardView } from '../../model/view'
import type { Locale } from '../../model/zones'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { ReportLanguage } from '../moderation/ReportLanguage'
import { useLocale } from '../store/locale'
import { useIsModerator } from '../store/permissions'
import { copyRichText } from './clipboard'
import { CSV_KINDS, MIME, downloadBlob, exportFileName } from './files'
import { pictureSvg } from './picture'
import { svgToPng } from './png'
import { pictureInput } from './pictureInput'

type Format = 'md' | 'csv' | 'csvExcel' | 'json' | 'docx' | 'png'

const BUTTONS: readonly { readonly format: Format; readonly label: MessageKey }[] = [
  { format: 'md', label: 'report.markdown' },
  { format: 'csv', label: 'report.csv' },
  { format: 'csvExcel', label: 'report.csvExcel' },
  { format: 'json', label: 'report.json' },
  { format: 'docx', label: 'report.docx' },
  { format: 'png', label: 'report.png' },
]

/** Excel opens a CSV as UTF-8 only with a byte order mark (toCsv writes one; kept should that change). */
const BOM = '\uFEFF'

interface Props {
  readonly view: BoardView
  readonly report: Report
  /** The board's language, which the report and the files are written in. */
  readonly locale: Locale
  /** Moderator, or participants may export. Printing is always offered: the page is visible anyway. */
  readonly mayExport: boolean
}

/** Print, the downloads and copying as text. Says what happened in one polite status line. */
export function ReportTools({ view, report, locale, mayExport }: Props) {
  const t = useT()
  const interfaceLocale = useLocale((s) => s.locale)
  const moderator = useIsModerator()
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState<Format | null>(null)

  const name = (ext: string, kind = '') => exportFileName(view.title, view.date, ext, new Date(), kind)

  async function fileFor(format: Format): Promise<{ blob: Blob; fileName: string }> {
    switch (format) {
      case 'md':
        return { blob: new Blob([toMarkdown(view, locale)], { type: MIME.md }), fileName: name('md') }
      case 'csv':
        return { blob: new Blob([toCsv(view, { separator: ',', locale })], { type: MIME.csv }), fileName: name('csv', CSV_KINDS[locale].csv) }
      case 'csvExcel': {
        const csv = toCsv(view, { separator: ';', locale })
        return { blob: new Blob([csv.startsWith(BOM) ? csv : BOM + csv], { type: MIME.csv }), fileName: name('csv', CSV_KINDS[locale].csvExcel) }
      }
      case 'json':
        return { blob: new Blob([toJson(view)], { type: MIME.json }), fileName: name('json') }
      case 'docx': {
        // Heavy (the docx library): loaded only when someone asks for Word.
        const { toDocx } = await import('../../model/export/docx')
        const bytes = await toDocx(view, locale)
        return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.docx }), fileName: name('docx') }
      }
      case 'png':
        return { blob: await svgToPng(pictureSvg(pictureInput(report))), fileName: name('png') }
    }
  }

  async function download(format: Format) {
    if (busy) return
    setError('')
    const slow = format === 'docx' || format === 'png'
    if (slow) {
      setBusy(format)
      setStatus(t('report.preparing'))
    }
    try {
      const { blob, fileName } = await fileFor(format)
      downloadBlob(blob, fileName)
      setStatus(t('report.downloaded', { file: fileName }))
    } catch {
      setStatus('')
      setError(t('report.failed'))
    } finally {
      if (slow) setBusy(null)
    }
  }

  async function copy() {
    setError('')
    setStatus('')
    try {
      await copyRichText(toHtml(view, locale), toPlainText(view, locale))
      setStatus(t('report.copied'))
    } catch {
      setError(t('report.copyFailed'))
    }
  }

  return (
    <section className="report-tools" aria-label={t('report.tools')}>
      <div className="report-tools__buttons">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        {mayExport &&
          BUTTONS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              className="button"
              aria-disabled={busy === format || undefined}
              onClick={() => void download(format)}
            >
              {t(label)}
            </button>
          ))}
        {mayExport && (
          <button type="button" className="button" onClick={() => void copy()}>
            {t('report.copy')}
          </button>
        )}
      </div>
      {!mayExport && <p className="hint">{t('report.exportModerators')}</p>}
      {/* Where the moderator exports, they can also choose the language (the same setting as in Einstellungen). */}
      {moderator && <ReportLanguage />}
      {/* Others: the report follows the board's language; say so where it differs from theirs (not printed, like the tools). */}
      {!moderator && locale !== interfaceLocale && <p className="hint">{t(`report.languageNote.${locale}`)}</p>}
      <p role="status" aria-live="polite" className="report-tools__status">
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}
