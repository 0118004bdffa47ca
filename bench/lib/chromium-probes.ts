/**
 * Scripts run in the page before the app (Playwright's addInitScript, so the CSP does not
 * apply): they observe the app from outside, without any benchmark hook in client code.
 */

export interface PaintMarks {
  /** performance.now() when the board socket's provider had handled the server's sync step 2. */
  syncedAt: number | null
  /** When the first click happened (the "Beitreten" of the name dialog). */
  joinedAt: number | null
  /** When `expected` notes were in the DOM, and two animation frames later (painted). */
  domAt: number | null
  paintAt: number | null
}

/**
 * "Synced": y-websocket marks its provider synced inside the socket's onmessage handler for the
 * server's sync step 2 (message 0, sub-message 1). The probe wraps the WebSocket class and records
 * the time right after that handler returns, for the board socket (/ws/<boardId>, not the private
 * doc's /ws/<boardId>/private). Paint: an animation-frame loop counts the note list items (list
 * items of lists named "Notizen …") and, once `expected` are there, waits two frames.
 */
export function paintProbe(expected: number): string {
  // Plain JavaScript in a string: the page gets exactly this text (no transpiler helpers).
  return `(() => {
  const expected = ${expected}
  const marks = { syncedAt: null, joinedAt: null, domAt: null, paintAt: null }
  window.__paint = marks
  const Native = window.WebSocket
  const setter = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage')
  class Observed extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      this.__board = /\\/ws\\/[^/?]+(\\?|$)/.test(String(url))
    }
    set onmessage(handler) {
      const board = this.__board
      setter.set.call(this, handler ? function (event) {
        handler.call(this, event)
        const data = event.data
        if (board && marks.syncedAt === null && data instanceof ArrayBuffer && data.byteLength >= 2) {
          const bytes = new Uint8Array(data, 0, 2)
          if (bytes[0] === 0 && bytes[1] === 1) marks.syncedAt = performance.now()
        }
      } : null)
    }
    get onmessage() {
      return setter.get.call(this)
    }
  }
  window.WebSocket = Observed
  document.addEventListener('click', () => { if (marks.joinedAt === null) marks.joinedAt = performance.now() }, { capture: true })
  const frame = () => {
    if (marks.domAt === null && document.querySelectorAll('ul[aria-label^="Notizen"] > li').length >= expected) {
      marks.domAt = performance.now()
      requestAnimationFrame(() => requestAnimationFrame(() => { marks.paintAt = performance.now() }))
      return
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()`
}

export interface MutationTally {
  inside: number
  outside: number
  /** Where the outside mutations happened (element, class, nearest accessible name). */
  where: string[]
}

/**
 * Starts counting DOM mutations in the page, split into those inside the note list item whose
 * text is `noteText` and all others. Read with `window.__mutations`.
 */
export function watchMutations(noteText: string): string {
  return `(() => {
  const noteText = ${JSON.stringify(noteText)}
  const item = [...document.querySelectorAll('ul[aria-label^="Notizen"] > li')].find((li) => li.querySelector('p')?.textContent === noteText)
  if (!item) throw new Error('note not found: ' + noteText)
  const tally = { inside: 0, outside: 0, where: [] }
  window.__mutations = tally
  new MutationObserver((records) => {
    for (const r of records) {
      if (item.contains(r.target)) { tally.inside++; continue }
      tally.outside++
      const el = r.target instanceof Element ? r.target : r.target.parentElement
      const named = el?.closest('[aria-label]')?.getAttribute('aria-label') ?? ''
      if (tally.where.length < 20) tally.where.push(r.type + ' <' + (el ? el.tagName.toLowerCase() : '?') + ' class="' + (el ? el.className : '') + '"> in "' + named + '"')
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
})()`
}
