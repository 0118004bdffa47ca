import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import type { ServerConfig } from '../../server/config'
import { launchBrowser } from './browser'
import { copyOfClient } from './clientCopy'
import { startTestServer } from './server'
import type { TestServer } from './server'

export interface ServerAndBrowser {
  readonly server: TestServer
  readonly browser: Browser
}

export interface ServerAndBrowserOptions {
  /**
   * Serve a private copy of the built client: for files that run long or load chunks late (the
   * report, dialogs), which a rebuild of dist/client by another run would pull away.
   */
  readonly ownClient?: boolean
  readonly config?: Partial<ServerConfig>
}

/**
 * A real server on a free loopback port and Debian's Chromium for the test file that calls this
 * (started before its tests, stopped after them). Read `server` and `browser` inside tests and
 * hooks; a test file's own afterAll runs before these stop.
 */
export function withServerAndBrowser(options: ServerAndBrowserOptions = {}): ServerAndBrowser {
  let server: TestServer | undefined
  let browser: Browser | undefined
  let client: ReturnType<typeof copyOfClient> | undefined

  beforeAll(async () => {
    client = options.ownClient ? copyOfClient() : undefined
    server = await startTestServer({ ...options.config, ...(client && { clientDir: client.dir }) })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    client?.remove()
  })

  return {
    get server() {
      if (!server) throw new Error('the test server starts in beforeAll')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll')
      return browser
    },
  }
}
