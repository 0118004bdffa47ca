import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { de } from '../../../client/i18n/de'
import { en } from '../../../client/i18n/en'
import { translate } from '../../../client/i18n/index'
import { joiningDe } from '../../../client/i18n/parts/joining'
import { joiningEn } from '../../../client/i18n/parts/joining.en'
import { languageDe } from '../../../client/i18n/parts/language'
import { languageEn } from '../../../client/i18n/parts/language.en'
import { lookDe } from '../../../client/i18n/parts/look'
import { lookEn } from '../../../client/i18n/parts/look.en'

/**
 * German and English complete: the same keys, nothing empty, the same `{placeholders}`, every key
 * used somewhere in client/, and no user-visible text written straight into a component.
 */

const CLIENT = 'client'
const DICTIONARIES = new Set(['client/i18n/de.ts', 'client/i18n/deDu.ts', 'client/i18n/en.ts'])
const isDictionary = (file: string) => DICTIONARIES.has(file) || file.startsWith('client/i18n/parts/')

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative('.', path).split(sep).join('/'))
  }
  return out.sort()
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind)
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node)
  node.forEachChild((child) => walk(child, visit))
}

const FILES = sourceFiles(CLIENT)
const CODE = FILES.filter((f) => !isDictionary(f)).map(parse)

/** Every string literal in the code (not the dictionaries), and every template literal with its holes marked `${}`. */
function literalsOfCode(): { strings: Set<string>; templates: Map<string, string[]> } {
  const strings = new Set<string>()
  const templates = new Map<string, string[]>()
  for (const source of CODE) {
    walk(source, (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text)
      if (ts.isTemplateExpression(node)) {
        const shape = node.head.text + node.templateSpans.map((span) => '${}' + span.literal.text).join('')
        templates.set(shape, [...(templates.get(shape) ?? []), source.fileName])
      }
    })
  }
  return { strings, templates }
}

const { strings: LITERALS, templates: TEMPLATES } = literalsOfCode()

/**
 * Keys the code builds at run time, so that no literal names them. Each with the reason; the
 * test below fails when the code builds a key from a template not listed here, and when an entry
 * here is no longer built anywhere.
 */
const DYNAMIC: readonly { readonly template: string; readonly reason: string }[] = [
  { template: 'zone.${}.title', reason: 'a zone component shows the title of the zone id it renders' },
  { template: 'zone.${}.question', reason: 'the default question of the zone being rendered or edited' },
  { template: 'phase.hint.${}', reason: 'phaseText.ts: the instruction of the current phase, by phase id' },
  { template: 'settings.address.${}', reason: 'AddressSetting.tsx: one radio button per address (Sie / du)' },
  { template: 'reason.${}', reason: 'CoModeratorLinks.tsx: the server\'s reason by its code (protocol/reasons.ts)' },
  { template: 'language.name.${}', reason: 'ReportLanguage.tsx: one radio button per locale, named in its own language' },
  { template: 'report.languageNote.${}', reason: 'ReportTools.tsx: which language the report is in, by the board locale' },
  { template: 'plain.phase.${}', reason: 'phaseText.ts: the plain-language instruction of the current phase, by phase id' },
  { template: 'plain.question.${}', reason: 'the plain-language default question of the zone being rendered' },
  { template: 'lift.${}', reason: 'Balloon.tsx: the Steighöhe wording of the lift state (model/lift.ts)' },
  { template: 'intro.zones.${}', reason: 'IntroSteps.tsx: the first-visit explanation of each zone, by zone id' },
  { template: 'phase.${}', reason: 'events/ForumRoundTable.tsx: the phase of each forum round in the event overview' },
  { template: 'bericht.${}', reason: 'report/BerichtEditor.tsx: the heading of each part of the editable Bericht, by part id (model/bericht.ts)' },
  { template: 'details.format.${}', reason: 'report/MeetingDetailsForm.tsx: one option per format of the meeting (digital, Präsenz, hybrid)' },
  { template: 'trash.error.${}', reason: 'trash/TrashContent.tsx: the message for the code the server refused a restore with' },
]

const asPattern = (template: string) =>
  new RegExp(`^${template.split('${}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[A-Za-z0-9]+')}$`)

const KEYS = Object.keys(de)
const PLURAL = /^(.+)\.(zero|one|two|few|many|other)$/

function isUsed(key: string): boolean {
  if (LITERALS.has(key)) return true
  const plural = PLURAL.exec(key)
  // `t('vote.total', { count })` picks vote.total.one / vote.total.other.
  if (plural && LITERALS.has(plural[1]!)) return true
  return DYNAMIC.some(({ template }) => asPattern(template).test(key))
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the dictionaries', () => {
  it('have the same keys in German and English (parts included)', () => {
    expect(Object.keys(en).sort()).toEqual([...KEYS].sort())
    for (const [partDe, partEn] of [
      [joiningDe, joiningEn],
      [languageDe, languageEn],
      [lookDe, lookEn],
    ] as const) {
      expect(Object.keys(partEn).sort()).toEqual(Object.keys(partDe).sort())
      for (const key of Object.keys(partDe)) expect(KEYS).toContain(key)
    }
  })

  it('define every key once: no part overrides a key of de.ts or of another part', () => {
    const own: string[] = []
    walk(parse('client/i18n/de.ts'), (node) => {
      if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) own.push(node.name.text)
    })
    const all = [...own, ...Object.keys(joiningDe), ...Object.keys(languageDe), ...Object.keys(lookDe)]
    const twice = all.filter((key, i) => all.indexOf(key) !== i)
    expect(twice).toEqual([])
    expect(own.length).toBeGreaterThan(100)
  })

  it('have no empty message', () => {
    for (const [name, dictionary] of [
      ['de', de],
      ['en', en],
    ] as const) {
      const empty = Object.entries(dictionary).filter(([, text]) => text.trim() === '')
      expect(empty.map(([key]) => `${name}:${key}`)).toEqual([])
    }
  })

  it('use the same {placeholders} in both languages', () => {
    const different = KEYS.filter((key) => {
      const english = (en as Readonly<Record<string, string>>)[key] ?? ''
      return placeholders((de as Readonly<Record<string, string>>)[key] ?? '').join() !== placeholders(english).join()
    })
    expect(different).toEqual([])
  })

  it('write plural messages as complete sets (one and other), each with {count}', () => {
    const bases = new Set(KEYS.flatMap((key) => PLURAL.exec(key)?.[1] ?? []))
    for (const base of bases) {
      expect(KEYS, base).toContain(`${base}.one`)
      expect(KEYS, base).toContain(`${base}.other`)
      expect(KEYS, `${base} is a plural and a plain message at once`).not.toContain(base)
      for (const form of ['one', 'other']) expect(placeholders(de[`${base}.${form}` as keyof typeof de]), `${base}.${form}`).toContain('count')
    }
  })

  it('pick the plural form with Intl.PluralRules and write numbers the language’s way', () => {
    expect(translate('de', 'vote.total', { count: 1 })).toBe('1 Stimme')
    expect(translate('de', 'vote.total', { count: 0 })).toBe('0 Stimmen')
    expect(translate('en', 'vote.total', { count: 1 })).toBe('1 vote')
    expect(translate('en', 'vote.total', { count: 2500 })).toBe('2,500 votes')
    expect(translate('de', 'vote.total', { count: 2500 })).toBe('2.500 Stimmen')
    expect(translate('de', 'voting.left', { left: 0, count: 1 })).toBe('Noch 0 von 1 Stimme')
    // Any number parameter, not only counts; strings stay as they are.
    expect(translate('de', 'error.tooLong', { max: 1000 })).toBe('Die Notiz ist zu lang (höchstens 1.000 Zeichen).')
    expect(translate('en', 'note.menuLabel', { text: '1000' })).toBe('Actions for note: 1000')
    // A plural form asked for by its full key still works.
    expect(translate('en', 'cluster.count.one', { count: 1 })).toBe('1 note')
  })
})

describe('the code base', () => {
  it('uses every key (literally, as a plural base, or through a listed dynamic key)', () => {
    expect(KEYS.filter((key) => !isUsed(key))).toEqual([])
  })

  it('builds keys at run time only from the listed templates, and every listed template is still built', () => {
    const keyShaped = [...TEMPLATES.keys()].filter((shape) => /^[a-z]/.test(shape) && KEYS.some((key) => asPattern(shape).test(key)))
    const listed = new Set(DYNAMIC.map((d) => d.template))
    expect(keyShaped.filter((shape) => !listed.has(shape)).map((shape) => `${shape} in ${TEMPLATES.get(shape)?.join(', ')}`)).toEqual([])
    expect(DYNAMIC.filter((d) => !TEMPLATES.has(d.template)).map((d) => d.template)).toEqual([])
  })

  it('names only keys that exist where it writes a key-shaped literal into t()', () => {
    const unknown: string[] = []
    for (const source of CODE) {
      walk(source, (node) => {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 't') return
        const first = node.arguments[0]
        if (first && ts.isStringLiteral(first) && !(first.text in de) && !KEYS.some((k) => k.startsWith(`${first.text}.`)))
          unknown.push(`${source.fileName}: ${first.text}`)
      })
    }
    expect(unknown).toEqual([])
  })
})

/**
 * Text that may stand in a component as it is. Whole files: the long prose pages, written once
 * per language and chosen by the interface language (like the privacy notice).
 */
const PROSE_PAGES: readonly { readonly file: string; readonly reason: string }[] = [
  { file: 'client/privacy/PrivacyDe.tsx', reason: 'the privacy notice in German, chosen by PrivacyPage for locale de' },
  { file: 'client/privacy/PrivacyEn.tsx', reason: 'the privacy notice in English' },
  { file: 'client/accessibility/AccessibilityDe.tsx', reason: 'the accessibility statement in German, chosen by AccessibilityPage' },
  { file: 'client/accessibility/AccessibilityEn.tsx', reason: 'the accessibility statement in English' },
]

/** Single texts with letters that are not language: names and symbols. */
const ALLOWED_TEXT: readonly { readonly text: string; readonly reason: string }[] = []

/** Attributes a person sees or hears (data-label: shown by CSS in narrow tables). */
const VISIBLE_ATTRIBUTES = new Set(['data-label', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label'])

const hasLetters = (text: string) => /\p{L}/u.test(text)

function hardCodedTexts(source: ts.SourceFile): string[] {
  const found: string[] = []
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim()
    if (hasLetters(clean) && !ALLOWED_TEXT.some((a) => a.text === clean)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
      found.push(`${source.fileName}:${line + 1}: ${clean}`)
    }
  }
  walk(source, (node) => {
    if (ts.isJsxText(node)) report(node, node.text)
    // {'Text'} as a child of an element
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && !ts.isJsxAttribute(node.parent))
      report(node, node.expression.text)
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer
      if (ts.isStringLiteral(value)) report(node, value.text)
      else if (ts.isJsxExpression(value) && value.expression && ts.isStringLiteral(value.expression)) report(node, value.expression.text)
    }
  })
  return found
}

describe('the components', () => {
  it('write no user-visible text of their own: every text comes from t() (prose pages excepted)', () => {
    const prose = new Set(PROSE_PAGES.map((p) => p.file))
    const found = CODE.filter((s) => s.fileName.endsWith('.tsx') && !prose.has(s.fileName)).flatMap(hardCodedTexts)
    expect(found).toEqual([])
  })

  it('the check finds hard-coded text where there is some', () => {
    const sample = ts.createSourceFile(
      'sample.tsx',
      `const a = <p>Hallo <b>{'Welt'}</b> <i aria-label="Schließen">×</i> {t('x')}</p>`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    )
    expect(hardCodedTexts(sample).map((line) => line.replace(/^sample\.tsx:1: /, ''))).toEqual(['Hallo', 'Welt', 'Schließen'])
  })

  it('the prose pages exist in both languages', () => {
    for (const { file } of PROSE_PAGES) expect(FILES).toContain(file)
  })
})
