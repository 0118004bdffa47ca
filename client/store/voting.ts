import { castVote } from '../../model/privateDoc'
import { useBoard } from './board'
import { run } from './run'

/** One vote more (+1) or less (-1) on a cluster or an unclustered note, in my private ballot. */
export const vote = (targetId: string, delta: 1 | -1) =>
  run(({ privateDoc }) => {
    const { settings } = useBoard.getState()
    castVote(privateDoc, targetId, delta, settings)
  })
