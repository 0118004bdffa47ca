// y-leveldb 0.1.2 ships no types; the part the benchmarks use.
declare module 'y-leveldb' {
  export class LeveldbPersistence {
    constructor(location: string)
    storeUpdate(docName: string, update: Uint8Array): Promise<number>
    destroy(): Promise<void>
  }
}
