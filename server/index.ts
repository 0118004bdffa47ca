import { startApp } from './app'
import { ConfigError, configFromEnv } from './config'
import type { ServerConfig } from './config'
import { log, setLogLevel } from './log'

// The product in one process: `npm run serve` runs the bundle of this file (`npm start` builds it first if needed).
let config: ServerConfig
try {
  config = configFromEnv()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  // A wrong setting stops the start, naming the variable (or file and field) to correct.
  console.error(`Configuration error: ${error.message}`)
  process.exit(1)
}
setLogLevel(config.logLevel)
const app = await startApp(config)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log('server.stopping', { signal })
    void app.close().then(() => process.exit(0))
  })
}
