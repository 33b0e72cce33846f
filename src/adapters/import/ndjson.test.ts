import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { makeDataDir, removeDataDirs } from '../../../tests/fixtures/import/data-dirs.js'
import { forEachLine } from './ndjson.js'

afterAll(removeDataDirs)

async function lines(content: string, chunkSize: number): Promise<[string, number][]> {
  const dir = await makeDataDir({ 'x.ndjson': content })
  const seen: [string, number][] = []
  await forEachLine(join(dir, 'x.ndjson'), (text, n) => seen.push([text, n]), chunkSize)
  return seen
}

describe('forEachLine', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])('cuts lines the same way with read chunks of %i bytes', async (chunkSize) => {
    const content = '\uFEFF{"TenDonVi":"UBND xã Hy Cương"}\r\n\n{"b":"Sở Xây dựng – Phú Thọ"}\n{"c":3}'
    expect(await lines(content, chunkSize)).toEqual([
      ['{"TenDonVi":"UBND xã Hy Cương"}', 1],
      ['', 2],
      ['{"b":"Sở Xây dựng – Phú Thọ"}', 3],
      ['{"c":3}', 4],
    ])
  })

  it('reads nothing from an empty file', async () => {
    expect(await lines('', 8)).toEqual([])
  })
})
