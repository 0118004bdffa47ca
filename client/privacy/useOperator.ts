import { useEffect, useState } from 'react'
import { isSiteConfig } from '../../protocol/operator'
import type { Operator } from '../../protocol/operator'

export type OperatorState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly operator: Operator } | { readonly status: 'failed' }

async function loadOperator(): Promise<Operator> {
  const response = await fetch('/api/config')
  if (!response.ok) throw new Error(`GET /api/config: ${response.status}`)
  const body: unknown = await response.json()
  if (!isSiteConfig(body)) throw new Error('GET /api/config: unexpected answer')
  return body.operator
}

/** The operator's details and retention period from the server (GET /api/config). */
export function useOperator(): OperatorState {
  const [state, setState] = useState<OperatorState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    // Asked on each visit of the page: the operator may have changed the settings and restarted.
    loadOperator().then(
      (operator) => live && setState({ status: 'ready', operator }),
      () => live && setState({ status: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
