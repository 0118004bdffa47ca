import { resolve } from 'node:path'
import { dataDirFromEnv } from './config'
import { OperatorError, restoreDataDir } from './store/backup'

// `npm run restore -- <dir>`: puts a backup made by `npm run backup` into DATA_DIR. The server
// must be stopped; what DATA_DIR held before is moved aside, not deleted.
const [source] = process.argv.slice(2)
if (!source) {
  console.error('Usage: npm run restore -- <backup folder>   (DATA_DIR as for the server, which must be stopped)')
  process.exit(2)
}
try {
  const dataDir = dataDirFromEnv()
  const result = restoreDataDir(resolve(source), dataDir)
  if (result.movedAside) console.log(`The previous files of ${dataDir} are kept in ${result.movedAside}.`)
  for (const file of result.files) console.log(`${file.name}: ${file.bytes} bytes`)
  console.log(`Restored into ${dataDir}: ${result.boards} boards. Start the server now.`)
} catch (error) {
  console.error(`Restore failed: ${error instanceof OperatorError ? error.message : String(error)}`)
  process.exit(1)
}
