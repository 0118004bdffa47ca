import { render, screen } from '@testing-library/react'
import { createRef } from 'react'
import { describe, expect, it } from 'vitest'
import { EMPTY_OPERATOR } from '../../client/privacy/operator'
import { PrivacyDe } from '../../client/privacy/PrivacyDe'
import { PrivacyEn } from '../../client/privacy/PrivacyEn'

describe('the privacy notice', () => {
  it('says the retention in days with the plural the number needs', () => {
    const { unmount } = render(<PrivacyDe heading={createRef()} operator={{ ...EMPTY_OPERATOR, retentionDays: 1 }} />)
    expect(screen.getByText(/Ein Board wird nach 1 Tag ohne Aktivität/)).toBeTruthy()
    unmount()
    render(<PrivacyDe heading={createRef()} operator={{ ...EMPTY_OPERATOR, retentionDays: 30 }} />)
    expect(screen.getByText(/Ein Board wird nach 30 Tagen ohne Aktivität/)).toBeTruthy()
  })

  it('in English too', () => {
    render(<PrivacyEn heading={createRef()} operator={{ ...EMPTY_OPERATOR, retentionDays: 1 }} />)
    expect(screen.getByText(/after 1 day without activity/)).toBeTruthy()
  })
})
