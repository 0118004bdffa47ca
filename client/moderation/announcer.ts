/**
 * One polite live region for the whole board: the zones render it (client/clusters/announce),
 * and phase changes, the timer and the follow bar speak through it too, so that screen readers
 * hear one queue of short messages rather than several regions talking at once.
 */
export { announce } from '../clusters/announce'
