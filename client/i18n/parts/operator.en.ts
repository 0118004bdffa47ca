import type { operatorDe } from './operator'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const operatorEn: { readonly [K in keyof typeof operatorDe]: string } = {
  'operator.loading': 'Loading the operator’s details …',
  'operator.failed': 'The operator’s details could not be loaded. Please reload the page.',
}
