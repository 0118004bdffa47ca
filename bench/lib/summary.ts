import { cell, fmt, goalMet, machine, ratio, serversIn } from './results'
import type { ScenarioResult } from './results'

/**
 * bench/results/README.md: one table over every scenario's figures (ours and each peer,
 * median and spread over repeats, ours ÷ peer, goal met), the machine and the commands.
 */
export function summaryMarkdown(results: readonly ScenarioResult[], run: { command: string; fresh: string[]; seconds: number }): string {
  const servers = serversIn(results)
  const peers = servers.filter((s) => s !== 'ballonfahrt')
  const m = machine()
  const lines = [
    '# Benchmark results',
    '',
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node} (${m.platform}); the machine is shared, load average at the start of each scenario is in its file`,
    `- command: \`${run.command}\` (${Math.round(run.seconds)} s); scenarios measured in this run: ${run.fresh.join(', ') || 'none'}`,
    `- cells: median over repeats (min–max); ratio = ours ÷ peer (medians): below 1 is better where lower is better, above 1 where higher is better`,
    '- "met" judges ours against the goal of the issue; the peers have no goals',
    '',
    `| scenario | figure | unit | better | ${servers.join(' | ')} | ${peers.map((p) => `ours/${p}`).join(' | ')} | goal | met |`,
    `|${'---|'.repeat(4 + servers.length + peers.length + 2)}`,
  ]
  for (const r of results) {
    for (const f of r.figures) {
      const met = goalMet(f)
      lines.push(
        `| ${r.scenario} | ${f.name} | ${f.unit} | ${f.better} | ${servers.map((s) => cell(f.values[s])).join(' | ')} | ${peers.map((p) => fmt(ratio(f, p))).join(' | ')} | ${f.goal ?? ''} | ${met === undefined ? '' : met ? 'yes' : '**no**'} |`,
      )
    }
  }
  lines.push('', '## Per scenario', '')
  for (const r of results) lines.push(`- [${r.title}](${r.scenario}.md) — ${r.date}, \`${r.command}\`, ${typeof r.machine?.load1 === 'number' ? `load average ${r.machine.load1}` : ''}`)
  const missed = results.flatMap((r) => r.figures.filter((f) => goalMet(f) === false).map((f) => `${r.scenario}: ${f.name}`))
  lines.push('', '## Goals missed', '', ...(missed.length ? missed.map((x) => `- ${x}`) : ['- none']), '')
  return lines.join('\n')
}
