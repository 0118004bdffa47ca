import { startApp } from './app'
import { configFromEnv } from './config'
import { log } from './log'

// The product in one process: `npm start` builds the client and runs this.
const app = await startApp(configFromEnv())

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log('server.stopping', { signal })
    void app.close().then(() => process.exit(0))
  })
}
