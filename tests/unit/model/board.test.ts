import { describe, expect, it } from 'vitest'
import { initBoard, setQuestion, setTitle } from '../../../model/board'
import { LIMITS } from '../../../model/limits'
import { LOCAL, metaOf, ROOTS, SCHEMA_VERSION } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { exchange, newDoc, twoPeers } from '../../helpers/peers'
import * as Y from 'yjs'

describe('initBoard', () => {
  it('writes title, topic, locale, creation time and schema version', () => {
    const doc = newDoc()
    initBoard(doc, { title: '  Retro Q3 ', topic: 'Team Nord', locale: 'en', createdAt: 1234 })
    const meta = metaOf(doc)
    expect(meta.get('v')).toBe(SCHEMA_VERSION)
    expect(meta.get('title')).toBe('Retro Q3')
    expect(meta.get('topic')).toBe('Team Nord')
    expect(meta.get('locale')).toBe('en')
    expect(meta.get('createdAt')).toBe(1234)
  })

  it('defaults to an untitled German board created now', () => {
    const doc = new Y.Doc()
    const before = Date.now()
    initBoard(doc, {})
    const view = toBoardView(doc)
    expect(view.title).toBe('')
    expect(view.topic).toBe('')
    expect(view.locale).toBe('de')
    expect(view.createdAt).toBeGreaterThanOrEqual(before)
    expect(view.createdAt).toBeLessThanOrEqual(Date.now())
    // Declares every root, so that a fresh doc has them all.
    for (const root of ROOTS) expect(doc.share.has(root)).toBe(true)
  })

  it('clips an over-long title and topic', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'T'.repeat(LIMITS.titleLength + 50), topic: 'x'.repeat(LIMITS.titleLength + 1) })
    expect(metaOf(doc).get('title')).toBe('T'.repeat(LIMITS.titleLength))
    expect(metaOf(doc).get('topic')).toBe('x'.repeat(LIMITS.titleLength))
  })

  it('writes in one transaction with the local origin', () => {
    const doc = newDoc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    initBoard(doc, { title: 'A' })
    expect(origins).toEqual([LOCAL])
  })
})

describe('setTitle', () => {
  it('trims, clips and replaces the title', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'Alt' })
    setTitle(doc, '  Neu  ')
    expect(toBoardView(doc).title).toBe('Neu')
    setTitle(doc, 'ä'.repeat(LIMITS.titleLength + 3))
    expect(toBoardView(doc).title).toBe('ä'.repeat(LIMITS.titleLength))
  })

  it('reaches other peers', () => {
    const [a, b] = twoPeers()
    initBoard(a, { title: 'Alt' })
    exchange(a, b)
    setTitle(b, 'Neu')
    exchange(a, b)
    expect(toBoardView(a).title).toBe('Neu')
  })
})

describe('setQuestion', () => {
  it('sets one zone question and leaves the others on the default', () => {
    const doc = newDoc()
    initBoard(doc, {})
    setQuestion(doc, 'untenHalten', '  Was bremst uns?  ')
    const view = toBoardView(doc)
    expect(view.zones.untenHalten.question).toBe('Was bremst uns?')
    expect(view.zones.steigen.question).toBeNull()
    expect(view.zones.einheizen.question).toBeNull()
    expect(metaOf(doc).get('question.untenHalten')).toBe('Was bremst uns?')
  })

  it('restores the default on an empty text', () => {
    const doc = newDoc()
    setQuestion(doc, 'steigen', 'Eigene Frage')
    setQuestion(doc, 'steigen', '   ')
    expect(metaOf(doc).has('question.steigen')).toBe(false)
    expect(toBoardView(doc).zones.steigen.question).toBeNull()
  })

  it('clips an over-long question', () => {
    const doc = newDoc()
    setQuestion(doc, 'einheizen', 'f'.repeat(LIMITS.questionLength + 10))
    expect(toBoardView(doc).zones.einheizen.question).toHaveLength(LIMITS.questionLength)
  })
})
