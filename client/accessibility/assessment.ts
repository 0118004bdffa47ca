import type { EnforcementBody } from '../privacy/operator'

/**
 * When this version of Ballonfahrt was assessed for the accessibility statement. Change it when
 * the statement is checked again (and the known limitations in AccessibilityDe/En with it).
 */
export const ASSESSED_ON = '2026-11-23'

/**
 * The federal enforcement body, the default for operators that are public bodies of the Bund.
 * Public bodies of a Land or a municipality set their own at run time (ENFORCEMENT_BODY_* or
 * DATA_DIR/operator.json, docs/operations.md).
 */
export const FEDERAL_ENFORCEMENT: EnforcementBody = {
  name: 'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen',
  address: ['Mauerstraße 53', '10117 Berlin'],
  email: 'info@schlichtungsstelle-bgg.de',
  web: 'https://www.schlichtungsstelle-bgg.de',
}
