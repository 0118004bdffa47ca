import type { CreatedBoard } from '../api'
import { navigate } from '../router'
import { saveModeratorToken, saveName } from '../sync/credentials'

/** Keeps the moderator token and my name for a board just made, and opens `path` of it. */
export function enterAsCreator(created: CreatedBoard, name: string, path: string): void {
  saveModeratorToken(created.boardId, created.moderatorToken)
  saveName(created.boardId, name)
  navigate(path)
}
