import { existsSync, readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { assignments, commandOf, defaultPort, dockerInstructions, serverEntries, serverVariables, unitSettings } from '../helpers/deployFiles'

/**
 * No container engine runs here: the Dockerfile, compose.yaml and the systemd unit are checked
 * against the project instead — every script, file, port, path and variable they name exists,
 * and CI runs every command the image runs.
 */
const read = (file: string) => readFileSync(file, 'utf8')
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
const docker = dockerInstructions(read('Dockerfile'))
const ci = read('.ci/run')
const VARIABLES = serverVariables()
const PORT = defaultPort()
const ENTRIES = serverEntries()

/** `npm run X` and `node <file>` in a command must name a script or a built entry that exists. */
function referencesProblems(command: string): string[] {
  const problems: string[] = []
  for (const m of command.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) if (!pkg.scripts[m[1]!]) problems.push(`no script "${m[1]}"`)
  for (const m of command.matchAll(/(dist\/server\/[\w-]+\.js)/g)) if (!ENTRIES.includes(m[1]!)) problems.push(`${m[1]} is not built`)
  return problems
}

/** Whether CI runs `command`: in .ci/run itself or through an npm script that .ci/run runs. */
function ciRuns(command: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, ' ')
  if (squeeze(ci).includes(squeeze(command))) return true
  return [...ci.matchAll(/npm (?:run )?(test|[\w:-]+)\b/g)].some((m) => (pkg.scripts[m[1]!] ?? '').includes(command))
}

describe('Dockerfile', () => {
  const finalStage = Math.max(...docker.map((i) => i.stage))
  const final = docker.filter((i) => i.stage === finalStage)
  const env = new Map(final.filter((i) => i.keyword === 'ENV').flatMap((i) => [...assignments(i.args)]))

  it('builds on Node 24 slim in several stages; the toolchain stays out of the runtime stage', () => {
    const bases = docker.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(' ')[0]!)
    expect(bases.filter((b) => b.startsWith('node:'))).not.toHaveLength(0)
    for (const base of bases) expect(base, base).toMatch(/^(node:24-[\w-]*slim|toolchain)$/)
    expect(finalStage).toBeGreaterThan(0)
    const toolchain = docker.filter((i) => i.keyword === 'RUN' && /apt-get install/.test(i.args))
    expect(toolchain.map((i) => i.args).join(' ')).toMatch(/python3 make g\+\+/)
    expect(toolchain.every((i) => i.stage !== finalStage)).toBe(true)
    expect(final.some((i) => i.keyword === 'FROM' && /toolchain|build/.test(i.args.split(' ')[0]!))).toBe(false)
  })

  it('runs as a non-root user with the data in a volume and a HEALTHCHECK on /healthz', () => {
    const user = final.find((i) => i.keyword === 'USER')?.args
    expect(user).toBeDefined()
    expect(user).not.toMatch(/^(root|0)(:|$)/)
    expect(final.find((i) => i.keyword === 'VOLUME')?.args).toBe(env.get('DATA_DIR'))
    expect(final.find((i) => i.keyword === 'EXPOSE')?.args).toBe(PORT)
    expect(env.get('PORT')).toBe(PORT)
    const health = final.find((i) => i.keyword === 'HEALTHCHECK')
    const command = commandOf(health!.args.replace(/^.*?CMD /, ''))
    expect(command).toBe('node dist/server/healthcheck.js')
    expect(read('server/healthcheck.ts')).toContain('/healthz')
  })

  it('names only scripts, built files, variables and paths that exist', () => {
    for (const name of env.keys()) expect(VARIABLES, `ENV ${name}`).toContain(name)
    const workdir = final.find((i) => i.keyword === 'WORKDIR')!.args
    expect(env.get('CLIENT_DIR')).toBe(`${workdir}/dist/client`)
    expect(read('vite.config.ts')).toContain("'dist/client'")
    for (const i of docker.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))) {
      for (const source of i.args.split(' ').slice(0, -1)) expect(existsSync(source), `COPY ${source}`).toBe(true)
    }
    for (const i of docker.filter((i) => ['RUN', 'CMD', 'HEALTHCHECK'].includes(i.keyword))) expect(referencesProblems(commandOf(i.args)), i.args).toEqual([])
  })

  it('CI runs every command the image runs (the same npm scripts and node commands)', () => {
    const commands = docker
      .filter((i) => i.keyword === 'RUN' || i.keyword === 'CMD')
      .flatMap((i) => commandOf(i.args).split('&&'))
      .map((c) => c.trim())
      // Housekeeping of the image's own file system, not something to test on a machine.
      .filter((c) => !/^(rm -rf \/var\/lib\/apt\/lists|mkdir -p \/data|chown )/.test(c))
    expect(commands.length).toBeGreaterThan(4)
    for (const command of commands) expect(ciRuns(command), command).toBe(true)
    // The HEALTHCHECK runs in CI's smoke run of the runtime stage.
    expect(ci).toMatch(/smoke-server\.mjs" --healthcheck/)
    expect(read('.ci/smoke-server.mjs')).toContain("'dist/server/healthcheck.js'")
  })
})

describe('compose.yaml and the Caddyfile', () => {
  const compose = load(read('compose.yaml')) as {
    services: Record<string, { build?: string; environment?: Record<string, string>; volumes?: string[]; expose?: string[]; ports?: string[] }>
  }
  const caddyfile = read('deploy/Caddyfile')

  it('the app: built here, its settings server variables, its data in a volume at DATA_DIR', () => {
    const app = compose.services.app!
    expect(app.build).toBe('.')
    expect(existsSync('Dockerfile')).toBe(true)
    for (const name of Object.keys(app.environment ?? {})) expect(VARIABLES, `app environment ${name}`).toContain(name)
    const dataDir = assignments(docker.find((i) => i.keyword === 'ENV' && i.args.includes('DATA_DIR'))!.args).get('DATA_DIR')
    expect(app.volumes?.some((v) => v.split(':')[1] === dataDir)).toBe(true)
    expect(app.expose).toEqual([PORT])
  })

  it('Caddy: TLS ports, the Caddyfile mounted from the project, proxying to the app port', () => {
    const caddy = compose.services.caddy!
    expect(caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']))
    const mount = caddy.volumes!.find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'))!
    expect(existsSync(mount.split(':')[0]!)).toBe(true)
    expect(caddyfile).toContain(`reverse_proxy app:${PORT}`)
    for (const m of caddyfile.matchAll(/\{\$([A-Z_]+)\}/g)) expect(Object.keys(caddy.environment ?? {}), m[1]).toContain(m[1])
  })

  it('every ${VARIABLE} is a server variable or the domain the Caddyfile uses; the cluster profile has its place', () => {
    const text = read('compose.yaml')
    for (const m of text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)) {
      expect(VARIABLES.has(m[1]!) || caddyfile.includes(`{$${m[1]}}`), m[1]).toBe(true)
    }
    expect(text).toMatch(/Cluster profile/)
  })
})

describe('the systemd unit', () => {
  const settings = unitSettings(read('deploy/ballonfahrt.service'))
  const all = (key: string) => settings.filter(([k]) => k === key).map(([, v]) => v)
  const one = (key: string) => all(key)[0]

  it('is hardened: a dynamic user, a read-only system, one state directory', () => {
    expect(one('DynamicUser')).toBe('yes')
    expect(one('ProtectSystem')).toBe('strict')
    expect(one('NoNewPrivileges')).toBe('yes')
    expect(one('ProtectHome')).toBe('yes')
    expect(one('PrivateTmp')).toBe('yes')
    expect(one('CapabilityBoundingSet')).toBe('')
    expect(one('StateDirectory')).toBe('ballonfahrt')
  })

  it('names only built files, variables and paths that fit the project', () => {
    const env = new Map(all('Environment').flatMap((line) => [...assignments(line)]))
    for (const name of env.keys()) expect(VARIABLES, `Environment ${name}`).toContain(name)
    expect(env.get('DATA_DIR')).toBe(`/var/lib/${one('StateDirectory')}`)
    expect(env.get('PORT')).toBe(PORT)
    expect(env.get('HOST')).toBe('127.0.0.1')
    expect(env.get('CLIENT_DIR')).toBe(`${one('WorkingDirectory')}/dist/client`)
    const exec = one('ExecStart')!
    expect(exec).toMatch(/^\/usr\/bin\/node /)
    expect(referencesProblems(exec)).toEqual([])
    expect(exec).toContain('dist/server/index.js')
    expect(pkg.scripts.serve).toContain('dist/server/index.js')
  })
})
