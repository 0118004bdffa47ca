import { addAction, deleteAction, updateAction } from '../../model/agreements'
import type { ActionPatch, NewAction } from '../../model/agreements'
import { run } from './run'

/** Maßnahmen: agreed actions (was / wer / bis wann), linked to a cluster or note. */
export const addAgreement = (input: NewAction) => run(({ doc }) => void addAction(doc, input))
export const updateAgreement = (id: string, patch: ActionPatch) => run(({ doc }) => updateAction(doc, id, patch))
export const deleteAgreement = (id: string) => run(({ doc }) => deleteAction(doc, id))
