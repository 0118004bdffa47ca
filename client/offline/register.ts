/**
 * Registers the service worker (/sw.js, written by the build) that keeps the app in this browser
 * for a reload without a network. Only in a build: the dev server has no /sw.js. Browsers that
 * offer none (or forbid it) simply load the app from the network, as before.
 */
export function registerOfflineApp(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Private mode or a policy that forbids workers: the app works online without one.
    })
  })
}
