import type { MouseEvent, ReactNode } from 'react'
import { navigate } from '../router'
import './routeLink.css'

/** A link inside the SPA: a real href (new tab, copy link), followed without reloading the page. */
export function RouteLink({ to, className, children }: { readonly to: string; readonly className?: string; readonly children: ReactNode }) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} className={className} onClick={follow}>
      {children}
    </a>
  )
}
