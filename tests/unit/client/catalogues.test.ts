import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import type { NewBoard } from '../../../model/schema'

/**
 * English and the "du" overlay are fetched when first needed (client/i18n/catalogues.ts). Nothing
 * may show a language or address before its texts are there: each test starts with fresh modules,
 * so nothing is loaded yet, and looks at every state the stores pass through.
 */

type Modules = Awaited<ReturnType<typeof freshModules>>

async function freshModules() {
  vi.resetModules()
  const board = await import('../../../client/store/board')
  const locale = await import('../../../client/store/locale')
  const i18n = await import('../../../client/i18n/index')
  const catalogues = await import('../../../client/i18n/catalogues')
  return { ...board, ...locale, ...i18n, ...catalogues }
}

function boardDoc(input: NewBoard): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, input)
  return doc
}

/** Binds `doc` and records what `read` says in every state of the board store until `until` holds. */
async function boardStates<T>(m: Modules, doc: Y.Doc, read: () => T, until: () => boolean): Promise<T[]> {
  const seen: T[] = []
  const unsubscribe = m.useBoard.subscribe(() => seen.push(read()))
  const unbind = m.bindDoc(doc)
  await vi.waitFor(() => expect(until()).toBe(true))
  unsubscribe()
  unbind()
  return seen
}

let m: Modules
beforeEach(async () => {
  vi.stubGlobal('localStorage', undefined)
  m = await freshModules()
})

describe('catalogues loaded on demand', () => {
  it('a board in "du" reaches the store only together with its du texts', async () => {
    expect(m.isCatalogueReady('de', 'du')).toBe(false)
    const doc = boardDoc({ settings: { address: 'du' } })
    const states = await boardStates(
      m,
      doc,
      () => {
        const { address } = m.useBoard.getState().settings
        return { address, text: m.translate('de', 'vote.mine', { count: 2 }, address) }
      },
      () => m.useBoard.getState().settings.address === 'du',
    )
    const du = states.filter((s) => s.address === 'du')
    expect(du.length).toBeGreaterThan(0)
    for (const state of du) expect(state.text).toBe('Deine Stimmen: 2')
  })

  it('a board in English reaches the store only together with the English texts (its report)', async () => {
    const doc = boardDoc({ locale: 'en' })
    const states = await boardStates(
      m,
      doc,
      () => ({ locale: m.useBoard.getState().locale, text: m.translate(m.useBoard.getState().locale, 'vote.total', { count: 2 }) }),
      () => m.useBoard.getState().locale === 'en',
    )
    const english = states.filter((s) => s.locale === 'en')
    expect(english.length).toBeGreaterThan(0)
    for (const state of english) expect(state.text).toBe('2 votes')
  })

  it('a board in German and "Sie" is in the store at once, and fetches nothing', () => {
    const unbind = m.bindDoc(boardDoc({ title: 'Frühjahr' }))
    expect(m.useBoard.getState().title).toBe('Frühjahr')
    unbind()
    expect(m.isCatalogueReady('en')).toBe(false)
    expect(m.isCatalogueReady('de', 'du')).toBe(false)
  })

  it('a board left while its catalogue loads leaves the store empty', async () => {
    const unbind = m.bindDoc(boardDoc({ title: 'Gegangen', settings: { address: 'du' } }))
    unbind()
    await m.loadCatalogue('de', 'du')
    expect(m.useBoard.getState().title).not.toBe('Gegangen')
    expect(m.useBoard.getState().settings.address).toBe('sie')
  })

  it('setLocale switches the interface language only once its texts are there', async () => {
    const seen: string[] = []
    const unsubscribe = m.useLocale.subscribe(({ locale }) => seen.push(m.translate(locale, 'vote.total', { count: 2 })))
    m.setLocale('en')
    await vi.waitFor(() => expect(m.useLocale.getState().locale).toBe('en'))
    unsubscribe()
    expect(seen).toEqual(['2 votes'])
  })

  it('setLocale keeps the language asked for last when the texts of an earlier one come later', async () => {
    m.setLocale('en')
    m.setLocale('de')
    await m.loadCatalogue('en')
    expect(m.useLocale.getState().locale).toBe('de')
  })
})
