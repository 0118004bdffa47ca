import { Parser } from 'commonmark'
import type { Node } from 'commonmark'

export interface MarkdownSummary {
  /** Heading texts by level. */
  readonly headings: { level: number; text: string }[]
  /** Text of each list item (its paragraphs' text, soft and hard breaks as "\n"). */
  readonly items: string[]
  /** Text of each top-level paragraph. */
  readonly paragraphs: string[]
  /** Node types that appear anywhere. */
  readonly types: Set<string>
}

function textOf(node: Node): string {
  let out = ''
  const walker = node.walker()
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering) continue
    const n = step.node
    if (n.type === 'text' || n.type === 'code') out += n.literal ?? ''
    else if (n.type === 'softbreak' || n.type === 'linebreak') out += '\n'
  }
  return out
}

export function summarize(markdown: string): MarkdownSummary {
  const root = new Parser().parse(markdown)
  const summary: MarkdownSummary = { headings: [], items: [], paragraphs: [], types: new Set() }
  const walker = root.walker()
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering) continue
    const n = step.node
    summary.types.add(n.type)
    if (n.type === 'heading') summary.headings.push({ level: n.level, text: textOf(n) })
    if (n.type === 'item') summary.items.push(textOf(n))
    if (n.type === 'paragraph' && n.parent?.type === 'document') summary.paragraphs.push(textOf(n))
  }
  return summary
}
