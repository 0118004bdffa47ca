import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../client/store/locale'
import { useSession } from '../../client/store/session'
import { saveModeratorToken } from '../../client/sync/credentials'
import { openBoardPage } from '../helpers/moderatedBoard'

// The co-moderator panel shows the server's reason in the interface's language, by its code;
// the answers are shaped as the server sends them (tests/server/reason-codes.test.ts).

afterEach(() => {
  vi.unstubAllGlobals()
  act(() => setLocale('de'))
})

beforeAll(async () => {
  await import('../../client/moderation/SettingsContent')
})

function refuseCreation(body: unknown, status: number) {
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit = {}) =>
      Promise.resolve(init.method === 'POST' ? Response.json(body, { status }) : Response.json({ links: [] })),
    ),
  )
}

async function tryToCreate(user: ReturnType<typeof userEvent.setup>, settings: string, labelText: RegExp, create: string) {
  await user.click(screen.getByRole('button', { name: settings }))
  const field = await screen.findByLabelText(labelText, {}, { timeout: 10_000 })
  await user.type(field, 'Anna')
  await user.click(screen.getByRole('button', { name: create }))
}

describe('server reasons in the co-moderator panel', () => {
  it('English: the reason is English, never the server\'s German message', async () => {
    const user = userEvent.setup()
    openBoardPage('moderator')
    useSession.setState({ boardId: 'board-1' })
    saveModeratorToken('board-1', 'secret-token_1')
    act(() => setLocale('en'))
    refuseCreation({ error: 'Die Bezeichnung ist zu lang (höchstens 80 Zeichen)', code: 'labelTooLong', max: 80 }, 400)
    await tryToCreate(user, 'Settings', /^Name of the new link/, 'Create and copy link')
    const alert = await within(screen.getByRole('group', { name: 'Co-moderation' })).findByRole('alert')
    expect(alert.textContent).toContain('The label is too long (at most 80 characters).')
    expect(alert.textContent).not.toMatch(/Bezeichnung|Zeichen/)
  })

  it('German: the same code in German; an answer without a known code names its status', async () => {
    const user = userEvent.setup()
    openBoardPage('moderator')
    useSession.setState({ boardId: 'board-1' })
    saveModeratorToken('board-1', 'secret-token_1')
    refuseCreation({ error: 'irgendwas', code: 'somethingNew' }, 418)
    await tryToCreate(user, 'Einstellungen', /^Bezeichnung des neuen Links/, 'Link erstellen und kopieren')
    const alert = await within(screen.getByRole('group', { name: 'Co-Moderation' })).findByRole('alert')
    expect(alert.textContent).toBe('Das hat nicht geklappt. Der Server hat die Anfrage abgelehnt (Status 418).')
  })
})
