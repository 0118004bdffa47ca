import { resolve } from 'node:path'
import { dataDirFromEnv } from './config'
import { backupDataDir, OperatorError } from './store/backup'

// `npm run backup -- <dir>`: a consistent copy of every SQLite file of DATA_DIR, taken while the
// server runs (see docs/operations.md).
const [target] = process.argv.slice(2)
if (!target) {
  console.error('Usage: npm run backup -- <folder>   (DATA_DIR as for the server; the folder must not hold a backup yet)')
  process.exit(2)
}
try {
  const dataDir = dataDirFromEnv()
  const result = backupDataDir(dataDir, resolve(target))
  for (const file of result.files) console.log(`${file.name}: ${file.bytes} bytes, integrity ok`)
  console.log(`Backup of ${dataDir} in ${result.dir}: ${result.boards} boards.`)
} catch (error) {
  console.error(`Backup failed: ${error instanceof OperatorError ? error.message : String(error)}`)
  process.exit(1)
}
