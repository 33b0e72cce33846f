/**
 * @module adapters/http/api/openapi
 * The OpenAPI 3.1 description of the read API, written by hand, with Vietnamese descriptions.
 */
import { UNIT_LEVELS } from '../../../engine/model.js'
import { INDICATOR_CODES } from '../../../engine/rules/types.js'
import { appPaths } from './openapi-app.js'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } })
const errors = {
  '400': json(ref('Error'), 'Tham số không hợp lệ (thông báo nêu tên tham số)'),
  '404': json(ref('Error'), 'Không có đơn vị'),
}
const q = (name: string, description: string, schema: object, required = false) => ({ name, in: 'query', required, description, schema })
const period = q('period', 'Kỳ báo cáo: 2026-08 (tháng), 2026-Q3 (quý), 2026 (năm) hoặc 2026-01-01..2026-03-15 (khoảng ngày)', { type: 'string' }, true)
const code = { name: 'code', in: 'path', required: true, description: 'Mã định danh điện tử của đơn vị, ví dụ 000.00.07.H99', schema: { type: 'string' } }
const nullable = (type: string) => ({ type: [type, 'null'] })

/** The OpenAPI 3.1 document served at `/api/openapi.json`. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'chiso — API Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
      version: '1.0.0',
      description: 'API của trang điều hành: đơn vị, xếp hạng, tổng quan, chỉ tiêu, hồ sơ giải thích điểm, xu hướng, thủ tục, điểm Cổng DVCQG, chỉ tiêu chỉ đạo, kế hoạch cải thiện, tài khoản và quản trị. Mọi bảng xuất được CSV/XLSX bằng format=csv|xlsx. Mọi lỗi trả về { "error": "<thông báo tiếng Việt>" }.',
    },
    paths: {
      '/api/units': {
        get: {
          summary: 'Danh sách đơn vị',
          description: 'Các đơn vị trong danh mục, lọc theo cấp và đơn vị cấp trên.',
          parameters: [q('level', 'Cấp đơn vị', { type: 'string', enum: [...UNIT_LEVELS] }), q('parent', 'Mã đơn vị cấp trên', { type: 'string' })],
          responses: { '200': json({ type: 'object', properties: { total: { type: 'integer' }, units: { type: 'array', items: ref('Unit') } } }, 'Danh sách đơn vị'), ...errors },
        },
      },
      '/api/ranking': {
        get: {
          summary: 'Bảng xếp hạng',
          description: 'Tổng điểm và điểm nhóm của các đơn vị trong kỳ, xếp theo thứ hạng trong từng nhóm đơn vị cùng cấp, cùng cấp trên. Kỳ trải qua hai bộ quy tắc bị từ chối (400).',
          parameters: [
            period,
            q('level', 'Cấp đơn vị', { type: 'string', enum: [...UNIT_LEVELS] }),
            q('parent', 'Mã đơn vị cấp trên', { type: 'string' }),
            q('sort', 'Sắp xếp trong nhóm: total (thứ hạng), name (tên), code (mã)', { type: 'string', enum: ['total', 'name', 'code'], default: 'total' }),
            q('order', 'Chiều sắp xếp; mặc định desc với total (hạng cao trước), asc với name, code', { type: 'string', enum: ['asc', 'desc'] }),
          ],
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  period: ref('Period'), ruleSet: ref('RuleSet'), asOf: { type: 'string', format: 'date-time' }, provisional: { type: 'boolean' }, sort: { type: 'string' }, order: { type: 'string' },
                  rows: { type: 'array', items: { allOf: [ref('Unit'), { type: 'object', properties: { rank: { type: 'integer' }, peers: { type: 'integer' }, total: { type: 'number' }, max: { type: 'number' }, groups: { type: 'array', items: ref('Group') } } }] } },
                },
              },
              'Bảng xếp hạng'
            ),
            ...errors,
          },
        },
      },
      '/api/units/{code}/overview': {
        get: {
          summary: 'Tổng quan một đơn vị',
          description: 'Tổng điểm trên 100, thứ hạng n/m, thay đổi so với kỳ trước (null nếu kỳ trước không có hồ sơ hoặc không có bộ quy tắc), điểm nhóm và 5 chỉ tiêu mất nhiều điểm nhất.',
          parameters: [code, period],
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  unit: ref('Unit'), period: ref('Period'), ruleSet: ref('RuleSet'), asOf: { type: 'string', format: 'date-time' }, provisional: { type: 'boolean', description: 'Kỳ chưa kết thúc: số liệu còn thay đổi' },
                  total: { type: 'number' }, max: { type: 'number' }, rank: { type: 'integer' }, peers: { type: 'integer' },
                  change: { oneOf: [{ type: 'null' }, { type: 'object', properties: { period: ref('Period'), total: { type: 'number' }, rank: { type: 'integer' }, peers: { type: 'integer' }, delta: { type: 'number' } } }] },
                  groups: { type: 'array', items: ref('Group') },
                  weakest: { type: 'array', maxItems: 5, items: { type: 'object', properties: { id: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, group: { type: 'string' }, points: { type: 'number' }, max: { type: 'number' }, pointsLost: { type: 'number' } } } },
                },
              },
              'Tổng quan'
            ),
            ...errors,
          },
        },
      },
      '/api/units/{code}/indicators': {
        get: {
          summary: 'Các chỉ tiêu của một đơn vị',
          description: 'Mọi chỉ tiêu với tử số, mẫu số, tỷ lệ, điểm, điểm tối đa, điểm bị mất, ghi chú và lý do không áp dụng.',
          parameters: [code, period],
          responses: {
            '200': json({ type: 'object', properties: { unit: ref('Unit'), period: ref('Period'), ruleSet: ref('RuleSet'), asOf: { type: 'string' }, provisional: { type: 'boolean' }, total: { type: 'number' }, max: { type: 'number' }, indicators: { type: 'array', items: ref('Indicator') } } }, 'Các chỉ tiêu'),
            ...errors,
          },
        },
      },
      '/api/units/{code}/trace': {
        get: {
          summary: 'Hồ sơ giải thích điểm một chỉ tiêu',
          description: 'Các hồ sơ, thủ tục, phản ánh làm đơn vị mất điểm ở một chỉ tiêu, kèm lý do bằng tiếng Việt, phân trang. Chỉ dùng được khi kỳ nằm trọn trong một bộ quy tắc (nếu không: 400).',
          parameters: [
            code,
            period,
            q('indicator', 'Mã chỉ tiêu', { type: 'string', enum: [...INDICATOR_CODES] }, true),
            q('page', 'Trang (từ 1)', { type: 'integer', minimum: 1, default: 1 }),
            q('pageSize', 'Số dòng mỗi trang', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
            q('q', 'Lọc theo mã hoặc lý do (không phân biệt hoa thường)', { type: 'string', maxLength: 200 }),
            q('side', 'lost: bản ghi làm mất điểm (mặc định); counted: bản ghi được tính vào tử số', { type: 'string', enum: ['lost', 'counted'], default: 'lost' }),
          ],
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  unit: ref('Unit'), period: ref('Period'), ruleSet: ref('RuleSet'), asOf: { type: 'string' }, indicator: ref('Indicator'), notes: { type: 'array', items: { type: 'string' } }, side: { type: 'string', enum: ['lost', 'counted'] }, q: nullable('string'),
                  all: { type: 'integer', description: 'Số dòng trước khi lọc' }, total: { type: 'integer', description: 'Số dòng sau khi lọc' }, page: { type: 'integer' }, pageSize: { type: 'integer' }, pages: { type: 'integer' },
                  items: { type: 'array', items: ref('TraceItem') },
                },
              },
              'Một trang hồ sơ giải thích'
            ),
            ...errors,
          },
        },
      },
      '/api/units/{code}/trend': {
        get: {
          summary: 'Xu hướng điểm của một đơn vị',
          description: 'Tổng điểm và điểm nhóm của đơn vị trong N kỳ gần nhất đến kỳ until. Kỳ không có bộ quy tắc hoặc trải qua hai bộ quy tắc có điểm null.',
          parameters: [
            code,
            q('periods', 'Số kỳ', { type: 'integer', minimum: 1, maximum: 60, default: 12 }),
            q('kind', 'Loại kỳ', { type: 'string', enum: ['month', 'quarter', 'year'], default: 'month' }),
            q('until', 'Kỳ cuối cùng, cùng loại với kind (mặc định: kỳ hiện tại)', { type: 'string' }),
          ],
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  unit: ref('Unit'), kind: { type: 'string' }, asOf: { type: 'string' },
                  points: { type: 'array', items: { type: 'object', properties: { period: ref('Period'), dossiers: { type: 'integer' }, ruleSet: { oneOf: [{ type: 'null' }, ref('RuleSet')] }, provisional: nullable('boolean'), total: nullable('number'), max: nullable('number'), rank: nullable('integer'), peers: nullable('integer'), groups: { oneOf: [{ type: 'null' }, { type: 'array', items: ref('Group') }] } } } },
                },
              },
              'Xu hướng'
            ),
            ...errors,
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'Tài liệu OpenAPI', description: 'Tài liệu OpenAPI 3.1 mô tả API này.', security: [], responses: { '200': json({ type: 'object' }, 'Tài liệu OpenAPI'), '400': errors['400'] } },
      },
      ...appPaths(),
    },
    security: [{ session: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'chiso_session', description: 'Cookie phiên sau POST /api/session; mọi yêu cầu không phải GET cần thêm tiêu đề X-CSRF-Token.' },
      },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string', description: 'Thông báo lỗi tiếng Việt' } } },
        Unit: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'string', enum: [...UNIT_LEVELS] }, parent: nullable('string') } },
        Period: { type: 'object', properties: { label: { type: 'string' }, kind: { type: 'string' }, title: { type: 'string' }, firstDay: { type: 'string', format: 'date' }, lastDay: { type: 'string', format: 'date' } } },
        RuleSet: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, effectiveFrom: { type: 'string' }, effectiveTo: nullable('string') } },
        Group: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, points: { type: 'number' }, max: { type: 'number' } } },
        Indicator: {
          type: 'object',
          properties: {
            id: { type: 'string' }, code: { type: 'string', description: 'Mã trên Cổng DVCQG' }, name: { type: 'string' }, group: { type: 'string' },
            numerator: { type: 'number' }, denominator: { type: 'number' }, ratio: nullable('number'), points: nullable('number'), max: { type: 'number' }, pointsLost: nullable('number'),
            notApplicable: { ...nullable('string'), description: 'Lý do không áp dụng' }, policy: nullable('string'), meanProcessingTime: nullable('number'), notes: { type: 'array', items: { type: 'string' } },
          },
        },
        TraceItem: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['dossier', 'procedure', 'service', 'petition'] }, id: { type: 'string' }, unitCode: { type: 'string' }, procedureCode: nullable('string'),
            reasons: { type: 'array', items: { type: 'string' } }, weight: { type: 'number' }, receivedAt: nullable('string'), dueAt: nullable('string'), finishedAt: nullable('string'),
          },
        },
      },
    },
  }
}
