import { mkdirSync, writeFileSync } from 'node:fs'
import { scenarioMarkdown } from './results'
import type { ScenarioResult } from './results'

/** Prints a standalone scenario's table and writes bench/results/<name>.json and .md. */
export function writeResult(name: string, result: ScenarioResult): void {
  const md = scenarioMarkdown(result)
  console.log(md)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`)
  writeFileSync(`bench/results/${name}.md`, md)
}
