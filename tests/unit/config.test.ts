import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { ConfigError, configFromEnv } from '../../server/config'
import { levelOf, log, setLogLevel, setQuiet } from '../../server/log'
import { OPERATOR_VARIABLES } from '../../server/operator'

const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const env = (vars: Record<string, string> = {}) => ({ DATA_DIR: dir, ...vars })
const operatorFile = (content: unknown) => writeFileSync(join(dir, 'operator.json'), typeof content === 'string' ? content : JSON.stringify(content))
afterEach(() => rmSync(join(dir, 'operator.json'), { force: true }))

describe('configuration errors name the variable', () => {
  it.each([
    ['PORT', 'achtzig', /^PORT: not a whole number: achtzig$/],
    ['BOARD_TTL_DAYS', '0', /^BOARD_TTL_DAYS: not a whole number of at least 1: 0$/],
    ['MAX_PAYLOAD', '1.5', /^MAX_PAYLOAD: not a whole number/],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL: one of debug, info, warn, error, not verbose$/],
    ['PUBLIC_URL', 'retro.example.de', /^PUBLIC_URL: not a web address/],
    ['BYTES_PER_SECOND', '100000', /^BYTES_PER_SECOND: two seconds' worth must hold one message of MAX_PAYLOAD \(1048576 bytes\): 100000$/],
    ['PING_INTERVAL_MS', '10', /^PING_INTERVAL_MS: not a whole number of at least 1000: 10$/],
    ['BOARD_CREATIONS_PER_MINUTE', '0', /^BOARD_CREATIONS_PER_MINUTE: not a whole number of at least 1: 0$/],
    ['MAX_DATA_BYTES', '10GB', /^MAX_DATA_BYTES: not a whole number: 10GB$/],
    ['OPERATOR_EMAIL', 'datenschutz at kreis', /^OPERATOR_EMAIL: not an e-mail address/],
    ['ACCESSIBILITY_REVIEWED', '1.12.2026', /^ACCESSIBILITY_REVIEWED: not a date \(YYYY-MM-DD\)/],
    ['ENFORCEMENT_BODY_WEB', 'schlichtung.example', /^ENFORCEMENT_BODY_WEB: not a web address/],
  ])('%s=%s', (name, value, message) => {
    expect(() => configFromEnv(env({ [name]: value }))).toThrow(ConfigError)
    expect(() => configFromEnv(env({ [name]: value }))).toThrow(message)
  })

  it('operator.json: invalid JSON, an unknown field, a wrong type and a retention period each name file and field', () => {
    operatorFile('{ "name": ')
    expect(() => configFromEnv(env())).toThrow(/operator\.json: not valid JSON/)
    operatorFile({ nmae: 'Kreis' })
    expect(() => configFromEnv(env())).toThrow(/operator\.json: unknown field "nmae"/)
    operatorFile({ address: 'Musterstraße 1' })
    expect(() => configFromEnv(env())).toThrow(/operator\.json "address": must be a list of lines/)
    operatorFile({ accessibilityContact: { email: 'kein-mail' } })
    expect(() => configFromEnv(env())).toThrow(/operator\.json "accessibilityContact" "email": not an e-mail address/)
    operatorFile({ retentionDays: 90 })
    expect(() => configFromEnv(env())).toThrow(/the retention period is BOARD_TTL_DAYS/)
    operatorFile({ enforcementBody: { web: 'https://schlichtung.example' } })
    expect(() => configFromEnv(env())).toThrow(/^ENFORCEMENT_BODY_NAME: /)
  })
})

describe('the operator’s details', () => {
  it('are empty without settings', () => {
    const { operator } = configFromEnv(env())
    expect(operator.name).toBe('')
    expect(operator.enforcementBody).toBeNull()
  })

  it('come from operator.json, and variables win field by field', () => {
    operatorFile({
      name: 'Landkreis Beispiel',
      address: ['Musterstraße 1', '12345 Beispielstadt'],
      email: 'datenschutz@landkreis-beispiel.de',
      accessibilityContact: { name: 'Team Digitales', address: ['Musterstraße 1'] },
      enforcementBody: { name: 'Landesbeauftragte', address: [], email: 'ombud@land.example', web: 'https://land.example' },
      accessibilityReviewed: '2026-12-01',
    })
    const { operator } = configFromEnv(env({ OPERATOR_EMAIL: 'dsb@kreis.example', OPERATOR_ADDRESS: 'Postfach 1; 12345 Beispielstadt ', ACCESSIBILITY_CONTACT_PHONE: '+49 1234 5' }))
    expect(operator.name).toBe('Landkreis Beispiel')
    expect(operator.email).toBe('dsb@kreis.example')
    expect(operator.address).toEqual(['Postfach 1', '12345 Beispielstadt'])
    expect(operator.accessibilityContact).toEqual({ name: 'Team Digitales', email: '', phone: '+49 1234 5', address: ['Musterstraße 1'] })
    expect(operator.enforcementBody).toEqual({ name: 'Landesbeauftragte', address: [], email: 'ombud@land.example', web: 'https://land.example' })
    expect(operator.accessibilityReviewed).toBe('2026-12-01')
  })

  it('every variable is documented in docs/operations.md', async () => {
    const { readFileSync } = await import('node:fs')
    const docs = readFileSync('docs/operations.md', 'utf8')
    for (const name of [...OPERATOR_VARIABLES, 'LOG_LEVEL', 'METRICS_TOKEN', 'BOARD_TTL_DAYS', 'DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'LEASE_MS']) expect(docs, name).toContain(`\`${name}\``)
  })
})

describe('LOG_LEVEL', () => {
  afterEach(() => {
    setLogLevel('info')
    setQuiet(true)
    vi.restoreAllMocks()
  })

  it('gives each event its level by name', () => {
    expect(levelOf('store.appendFailed')).toBe('error')
    expect(levelOf('http.error')).toBe('error')
    expect(levelOf('readiness.failed')).toBe('error')
    expect(levelOf('update.rejected')).toBe('warn')
    expect(levelOf('socket.malformed')).toBe('warn')
    expect(levelOf('ws.rateLimited')).toBe('warn')
    expect(levelOf('board.created')).toBe('info')
    expect(levelOf('board.unloaded')).toBe('debug')
  })

  it('writes the lines at or above the level, each with its level', () => {
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true))
    setQuiet(false)
    setLogLevel('warn')
    log('board.created', { board: 'abc123' })
    log('board.unloaded', { board: 'abc123' })
    log('update.rejected', { code: 'notAllowed' })
    log('store.appendFailed', { error: 'disk full' })
    expect(lines.map((l) => JSON.parse(l) as { level: string; event: string }).map((l) => `${l.level} ${l.event}`)).toEqual([
      'warn update.rejected',
      'error store.appendFailed',
    ])
    lines.length = 0
    setLogLevel('debug')
    log('board.unloaded', { board: 'abc123' })
    expect(lines).toHaveLength(1)
  })
})
