import type { Phase } from '../../model/phases'
import type { MessageKey } from '../i18n/index'

export const PHASE_NAME: Readonly<Record<Phase, MessageKey>> = {
  rueckblick: 'phase.rueckblick',
  sammeln: 'phase.sammeln',
  aufdecken: 'phase.aufdecken',
  clustern: 'phase.clustern',
  abstimmen: 'phase.abstimmen',
  massnahmen: 'phase.massnahmen',
  abschluss: 'phase.abschluss',
}

/** The one-line instruction for everybody in a phase; `drafts`: new notes are private drafts. */
export function phaseHint(phase: Phase, drafts: boolean): MessageKey {
  if (phase === 'sammeln') return drafts ? 'phase.hint.sammelnPrivate' : 'phase.hint.sammeln'
  return `phase.hint.${phase}`
}

/** The same instruction in plain language (Leichte Sprache / Easy Read), sentence by sentence. */
export function plainPhaseText(phase: Phase, drafts: boolean): MessageKey {
  if (phase === 'sammeln') return drafts ? 'plain.phase.sammelnPrivate' : 'plain.phase.sammeln'
  return `plain.phase.${phase}`
}
