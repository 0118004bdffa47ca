/*
 * Sets <html data-theme> before the first paint, so a dark or high-contrast page never
 * flashes light. A classic script in <head> (the CSP allows no inline script; the app's module
 * runs only after a first frame). The rule is client/theme/theme.ts's resolveTheme, kept in
 * step by tests/component/theme.test.tsx; the app takes over once it loads.
 */
;(function () {
  var choice = 'system'
  try {
    choice = localStorage.getItem('ballonfahrt:theme') || 'system'
  } catch {
    // Storage blocked: follow the system.
  }
  function matches(query) {
    return typeof window.matchMedia === 'function' && window.matchMedia(query).matches
  }
  var theme =
    choice === 'light' || choice === 'dark' || choice === 'contrast'
      ? choice
      : matches('(prefers-contrast: more)') || matches('(forced-colors: active)')
        ? 'contrast'
        : matches('(prefers-color-scheme: dark)')
          ? 'dark'
          : 'light'
  document.documentElement.dataset.theme = theme
})()
