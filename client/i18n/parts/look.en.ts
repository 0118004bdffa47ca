import type { lookDe } from './look'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const lookEn: { readonly [K in keyof typeof lookDe]: string } = {
  'theme.label': 'Colour scheme',
  'theme.system': 'Like the system',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.contrast': 'High contrast',
  'look.balloon': 'Hot-air balloon: the envelope full of hot air stands for “{steigen}”, the burner’s flame for “{einheizen}”, the sandbags on the basket for “{untenHalten}”.',
  'look.sandbags': 'Sandbags: {titles}.',
  'look.moreSandbags': '+{count}',
  'look.author': 'By {name}',
  'look.authorUnknown': 'By someone who is not here right now',
  'lift.gauge': 'Altitude',
  'lift.open': 'Altitude: set once the vote has ended.',
  'lift.rising': 'Altitude: the balloon is rising ({lift} for lift, {ballast} for ballast).',
  'lift.level': 'Altitude: the balloon holds its height ({lift} for lift, {ballast} for ballast).',
  'lift.sinking': 'Altitude: the balloon is sinking ({lift} for lift, {ballast} for ballast).',
  'lift.votes.one': '{count} vote',
  'lift.votes.other': '{count} votes',
}
