import { resolve } from 'node:path'
import { copyToPostgres } from './store/copyToPostgres'

// `npm run migrate:postgres -- <data dir>` with DATABASE_URL set: copies a stopped single-process
// installation (SQLite in its DATA_DIR) into an empty PostgreSQL database and checks the copy.
const dir = process.argv[2]
const url = process.env.DATABASE_URL?.trim()
if (!dir || process.argv.length > 3) {
  console.error('usage: DATABASE_URL=postgres://… npm run migrate:postgres -- <data dir>')
  process.exit(2)
}
if (!url) {
  console.error('DATABASE_URL is not set: the PostgreSQL database to copy into, e.g. postgres://ballonfahrt@db.example.de/ballonfahrt')
  process.exit(2)
}
try {
  const report = await copyToPostgres(resolve(dir), url, (line) => console.log(line))
  console.log(JSON.stringify(report))
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
