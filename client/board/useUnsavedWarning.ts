import { useEffect } from 'react'
import { useSession } from '../store/session'

/** Makes the browser ask before closing the tab while work is not yet stored on the server. */
export function useUnsavedWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useSession.getState().save === 'saved') return
      event.preventDefault()
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])
}
