import { setQuestion, setTitle, setTopic } from '../../model/board'
import { setDiscussion } from '../../model/discussion'
import { setFocus } from '../../model/focus'
import type { Focus } from '../../model/focus'
import { changePhase, planPhaseChange, setLocked, setVotesRevealed } from '../../model/phases'
import type { Phase, PhaseChange } from '../../model/phases'
import { setDone } from '../../model/privateDoc'
import { setSetting } from '../../model/settings'
import type { SettingName, Settings } from '../../model/settings'
import { extendTimer, pauseTimer, resumeTimer, startTimer, stopTimer } from '../../model/timer'
import type { ZoneId } from '../../model/zones'
import { useBoard } from './board'
import { run } from './run'
import { serverNow } from './session'

/** The moderator's controls. The server refuses them from participants; the UI hides them. */

/** What moving to `phase` would do now (end the vote, keep counted votes), to ask before it. */
export const planPhase = (phase: Phase): PhaseChange => planPhaseChange(useBoard.getState(), phase)
/** Moves to a phase as planned (leaving an open vote ends it in the same change). */
export const movePhase = (change: PhaseChange) => run(({ doc }) => changePhase(doc, change))
export const goToPhase = (phase: Phase) => movePhase(planPhase(phase))

export const changeSetting = <K extends SettingName>(name: K, value: Settings[K]) => run(({ doc }) => setSetting(doc, name, value))
export const lockBoard = (locked: boolean) => run(({ doc }) => setLocked(doc, locked))
export const renameBoard = (title: string) => run(({ doc }) => setTitle(doc, title))
export const changeTopic = (topic: string) => run(({ doc }) => setTopic(doc, topic))
export const changeQuestion = (zone: ZoneId, question: string) => run(({ doc }) => setQuestion(doc, zone, question))
export const endVote = () => run(({ doc }) => setVotesRevealed(doc, true))
export const reopenVote = () => run(({ doc }) => setVotesRevealed(doc, false))
export const highlight = (focus: Focus | null) => run(({ doc }) => setFocus(doc, focus))
/** Besprechen: puts a cluster or unclustered note up for discussion, or ends it (null). */
export const discuss = (id: string | null) => run(({ doc }) => setDiscussion(doc, id))

export const startCountdown = (minutes: number) => run(({ doc }) => startTimer(doc, minutes * 60_000, serverNow()))
export const pauseCountdown = () =>
  run(({ doc }) => {
    const timer = useBoard.getState().timer
    if (timer) pauseTimer(doc, timer, serverNow())
  })
export const resumeCountdown = () =>
  run(({ doc }) => {
    const timer = useBoard.getState().timer
    if (timer) resumeTimer(doc, timer, serverNow())
  })
export const extendCountdown = (minutes: number) =>
  run(({ doc }) => {
    const timer = useBoard.getState().timer
    if (timer) extendTimer(doc, timer, minutes * 60_000, serverNow())
  })
export const stopCountdown = () => run(({ doc }) => stopTimer(doc))

/** Marks me as done writing (visible to all as "fertig"). */
export const markDone = (done: boolean) => run(({ privateDoc }) => setDone(privateDoc, done))
