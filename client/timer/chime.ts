/** A soft two-tone chime (~0.6 s) made with WebAudio; no audio files. */

type AudioContextCtor = new () => AudioContext

function audioContextCtor(): AudioContextCtor | null {
  if (typeof window === 'undefined') return null
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor }
  return w.AudioContext ?? w.webkitAudioContext ?? null
}

let context: AudioContext | null = null

function getContext(): AudioContext | null {
  if (context) return context
  const Ctor = audioContextCtor()
  if (!Ctor) return null
  try {
    context = new Ctor()
  } catch {
    return null
  }
  return context
}

/**
 * Browsers start audio only after a gesture on the page. Any click or key press readies the
 * context, so that the chime can sound later when the countdown ends.
 */
export function unlockAudioOnGesture(): () => void {
  const unlock = () => {
    const ctx = getContext()
    if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => {})
    remove()
  }
  const remove = () => {
    window.removeEventListener('pointerdown', unlock, true)
    window.removeEventListener('keydown', unlock, true)
  }
  window.addEventListener('pointerdown', unlock, true)
  window.addEventListener('keydown', unlock, true)
  return remove
}

const TONES: readonly (readonly [frequency: number, start: number])[] = [
  [784, 0], // G5
  [523.25, 0.22], // C5
]
const VOLUME = 0.08
const TONE_S = 0.38

export function playChime(): void {
  const ctx = getContext()
  if (!ctx) return
  try {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => {})
    const t0 = ctx.currentTime + 0.02
    for (const [frequency, start] of TONES) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'sine'
      osc.frequency.setValueAtTime(frequency, t0 + start)
      gain.gain.setValueAtTime(0.0001, t0 + start)
      gain.gain.exponentialRampToValueAtTime(VOLUME, t0 + start + 0.03)
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + TONE_S)
      osc.connect(gain)
      gain.connect(ctx.destination)
      osc.start(t0 + start)
      osc.stop(t0 + start + TONE_S + 0.02)
    }
  } catch {
    // No sound is better than a broken page.
  }
}
