import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml, stringify } from 'yaml'
import { demoProfilePath, parseProfile, ProfileError, readProfile } from './profile.js'

const demoText = readFileSync(demoProfilePath(), 'utf8')

function withChange(change: (doc: Record<string, any>) => void): string {
  const doc = parseYaml(demoText)
  change(doc)
  return stringify(doc)
}

function problemsOf(text: string): string[] {
  try {
    parseProfile(text, 'office-profile.yaml')
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError)
    expect((e as Error).message).toContain('office-profile.yaml')
    return (e as ProfileError).problems
  }
  throw new Error('the profile was accepted')
}

describe('office profile', () => {
  it('reads the shipped demo profile of the Minh Sơn province', () => {
    const p = readProfile(demoProfilePath())
    expect(p.agency.name).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH MINH SƠN'])
    expect(p.document.symbol).toBe('UBND-KSTT')
    expect(p.document.number).toBe('')
    expect(p.signer).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' })
    expect(p.targets.map((t) => t.indicator)).toEqual(['3.3', '3.6', '4.3', '5.2', '1.2', '5.4'])
  })

  it('fills texts the profile leaves out with the defaults', () => {
    const p = parseProfile(withChange((d) => delete d.texts), 'x.yaml')
    expect(p.texts.intro).toContain('{total}')
    expect(p.texts.basis).toEqual([])
  })

  it('names the field of every problem, in Vietnamese', () => {
    const problems = problemsOf(
      withChange((d) => {
        delete d.agency.name
        d.targets[0].threshold = 52
        d.targets[1].text = 'Đạt {muc} trên {threshold}'
        d.texts.intro = 'Tổng điểm đạt yêu cầu.'
        d.sigenr = {}
        d.document.symbol = 'ubnd nc'
      })
    )
    const joined = problems.join('\n')
    expect(joined).toContain('trường "agency.name": bắt buộc')
    expect(joined).toContain('trường "targets[0].threshold": phải là một số từ 0 đến 1')
    expect(joined).toContain('trường "targets[1].text": mẫu câu dùng trường {muc} không có')
    expect(joined).toContain('trường "texts.intro": mẫu câu phải có trường {total}')
    expect(joined).toContain('trường "texts.intro": mẫu câu phải có trường {source}')
    expect(joined).toContain('trường "sigenr": không có trường này')
    expect(joined).toContain('trường "document.symbol": ký hiệu "ubnd nc" phải viết in hoa')
  })

  it('requires exactly one of indicator and group in a target, and a known indicator', () => {
    const joined = problemsOf(
      withChange((d) => {
        d.targets[0].group = '3'
        d.targets[1].indicator = '9.9'
      })
    ).join('\n')
    expect(joined).toContain('trường "targets[0]": cần đúng một trong hai trường')
    expect(joined).toContain('trường "targets[1].indicator": mã chỉ tiêu "9.9" không có')
  })

  it('refuses a number that is not digits and reports a YAML syntax error', () => {
    expect(problemsOf(withChange((d) => (d.document.number = '5a'))).join('\n')).toContain('trường "document.number"')
    expect(problemsOf('agency: [unclosed').join('\n')).toContain('không đọc được cú pháp YAML/JSON')
  })

  it('names a file that cannot be read', () => {
    expect(() => readProfile('/no/such/office-profile.yaml')).toThrow(/Hồ sơ cơ quan \/no\/such\/office-profile.yaml.*ENOENT/s)
  })
})
