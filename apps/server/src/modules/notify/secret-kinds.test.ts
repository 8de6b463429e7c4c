import { messageKinds, messageTemplateExamples } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { secretMessageKinds } from './repo'

describe('secret message kinds', () => {
  it('lists every template that carries a one-time code or password, so its text is blanked once sent', () => {
    const carrySecrets = messageKinds.filter((kind) => {
      const { sample } = messageTemplateExamples(kind)
      return 'code' in sample || 'temporaryPassword' in sample
    })
    expect([...secretMessageKinds].sort()).toEqual([...carrySecrets].sort())
  })
})
