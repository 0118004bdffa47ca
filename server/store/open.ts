import type { ServerConfig } from '../config'
import type { BoardStore } from './BoardStore'
import { PostgresBoardStore } from './postgres'
import { SqliteBoardStore } from './sqlite'

/** The store the configuration asks for: PostgreSQL for several instances, else SQLite in DATA_DIR. */
export async function openStore(config: ServerConfig): Promise<BoardStore> {
  if (!config.cluster) return new SqliteBoardStore(config.dataDir)
  try {
    return await PostgresBoardStore.open(config.cluster.databaseUrl)
  } catch (error) {
    // The URL may carry a password: name the variable, not its value.
    throw new Error(`DATABASE_URL: cannot open the PostgreSQL database: ${error instanceof Error ? error.message : String(error)}`)
  }
}
