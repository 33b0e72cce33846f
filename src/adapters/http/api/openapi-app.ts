/**
 * @module adapters/http/api/openapi-app
 * The OpenAPI paths of the web application's routes beyond the read API: session and accounts,
 * administration, meta, procedures, official numbers, targets, planner. Shapes are described in
 * `docs/web-api.md`; here each route has its method, Vietnamese summary and description, its
 * parameters, who may call it, and its error answers.
 */

const q = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } })
const p = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })
const period = q('period', 'Kỳ báo cáo: 2026-08 (tháng), 2026-Q3 (quý), 2026 (năm)', true)
const unit = p('code', 'Mã định danh điện tử của đơn vị')
const target = p('id', 'Mã chỉ tiêu chỉ đạo, ví dụ T-ABCDEFGH')
const format = q('format', 'Xuất bảng: csv hoặc xlsx (tệp tải về thay cho JSON)')
const errorJson = { description: 'Lỗi: { "error": "<thông báo tiếng Việt>" }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } })
const body = (description: string, properties: Record<string, object>, required: string[] = []) => ({
  required: true,
  description,
  content: { 'application/json': { schema: { type: 'object', properties, required } } },
})
const s = { type: 'string' }
const n = { type: 'number' }

type Who = 'public' | 'signed-in' | 'admin' | 'writer'
const WHO: Record<Who, string> = {
  public: 'Không cần đăng nhập.',
  'signed-in': 'Cần đăng nhập; chỉ thấy các đơn vị trong phạm vi tài khoản.',
  admin: 'Chỉ tài khoản quản trị.',
  writer: 'Quản trị, hoặc cán bộ đơn vị với các đơn vị trong phạm vi của mình; người chỉ xem bị từ chối (403). Cần tiêu đề X-CSRF-Token.',
}

function op(summary: string, description: string, who: Who, parameters: object[] = [], requestBody?: object) {
  return {
    summary,
    description: `${description} ${WHO[who]}`,
    ...(who === 'public' ? { security: [] } : {}),
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: { '200': ok(summary), '400': errorJson, '401': errorJson, '403': errorJson, '404': errorJson },
  }
}

/** Paths of the application routes, keyed like OpenAPI (`{param}`). */
export function appPaths(): Record<string, Record<string, object>> {
  return {
    '/api/health': { get: op('Tình trạng máy chủ', 'Máy chủ đang chạy, số hồ sơ đã nạp, số hồ sơ nhận qua đường đẩy.', 'public') },
    '/api/session': {
      post: op('Đăng nhập', 'Kiểm tra tên đăng nhập, mật khẩu; đặt cookie phiên chiso_session (HttpOnly, SameSite=Strict) và trả mã CSRF. Sau 5 lần sai trong 15 phút: 429.', 'public', [], body('Tài khoản', { username: s, password: s }, ['username', 'password'])),
      get: op('Phiên hiện tại', 'Tài khoản đang đăng nhập và mã CSRF của phiên.', 'signed-in'),
      delete: op('Đăng xuất', 'Kết thúc phiên và xóa cookie.', 'signed-in'),
    },
    '/api/session/password': { post: op('Đổi mật khẩu', 'Đổi mật khẩu của chính mình (ít nhất 10 ký tự); các phiên khác bị kết thúc.', 'signed-in', [], body('Mật khẩu', { current: s, next: s }, ['current', 'next'])) },
    '/api/users': {
      get: op('Danh sách tài khoản', 'Mọi tài khoản, vai trò, đơn vị, lần đăng nhập cuối.', 'admin', [format]),
      post: op('Tạo tài khoản', 'Tạo tài khoản; không có mật khẩu thì tạo mật khẩu ngẫu nhiên, chỉ trả về một lần.', 'admin', [], body('Tài khoản mới', { username: s, displayName: s, role: { type: 'string', enum: ['admin', 'officer', 'viewer'] }, unitCode: s, password: s }, ['username', 'displayName', 'role'])),
    },
    '/api/users/{username}': { patch: op('Sửa tài khoản', 'Đổi tên, vai trò, đơn vị, khóa/mở khóa hoặc đặt lại mật khẩu; không được khóa hay hạ quyền quản trị cuối cùng (409).', 'admin', [p('username', 'Tên đăng nhập')], body('Các trường cần đổi', { displayName: s, role: s, unitCode: s, disabled: { type: 'boolean' }, password: s })) },
    '/api/audit': { get: op('Nhật ký thao tác', 'Đăng nhập, nhập dữ liệu, thay đổi chỉ tiêu, xuất bảng… mới nhất trước.', 'admin', [q('action', 'Lọc theo thao tác'), q('actor', 'Lọc theo người thực hiện'), q('limit', 'Số dòng tối đa'), format]) },
    '/api/imports': {
      get: op('Các lần nhập dữ liệu', 'Mỗi lần nhập: loại, tệp, số bản ghi thêm mới, cập nhật, không đổi, bị từ chối, trạng thái.', 'admin'),
      post: op('Nhập một tệp', 'Nội dung yêu cầu là chính tệp (JSON, NDJSON, CSV, Excel; tối đa 200 MB), nhập như lệnh chiso import; trả về lần nhập và các lỗi; điểm cập nhật ngay.', 'admin', [q('kind', 'Loại dữ liệu: dossiers, steps, units, procedures, petitions, ratings, sync-reports, portal'), q('fileName', 'Tên tệp (phần mở rộng quyết định cách đọc)')], {
        required: true,
        description: 'Nội dung tệp',
        content: Object.fromEntries(['application/json', 'application/x-ndjson', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
      }),
    },
    '/api/imports/{id}': { get: op('Một lần nhập', 'Lần nhập và các lỗi của nó (tệp, vị trí, mã hồ sơ, trường).', 'admin', [p('id', 'Số lần nhập')]) },
    '/api/feed-keys': {
      get: op('Khóa API nhận hồ sơ', 'Các khóa của hệ thống gửi hồ sơ (không có bí mật).', 'admin'),
      post: op('Tạo khóa API', 'Tạo khóa cho một hệ thống gửi hồ sơ; bí mật chỉ trả về một lần.', 'admin', [], body('Khóa mới', { name: s, unitCode: s }, ['name'])),
    },
    '/api/feed-keys/{id}': { delete: op('Thu hồi khóa API', 'Thu hồi một khóa; hệ thống dùng khóa đó bị từ chối từ lúc này.', 'admin', [p('id', 'Số khóa')]) },
    '/api/scores': { get: op('Điểm (dạng dòng lệnh)', 'Kết quả như chiso score --format json, cho một kỳ, một đơn vị hoặc một thủ tục.', 'signed-in', [period, q('unit', 'Mã đơn vị'), q('procedure', 'Mã thủ tục')]) },
    '/api/data-version': { get: op('Phiên bản số liệu', 'Số tăng dần mỗi khi có hồ sơ mới đẩy lên hoặc dữ liệu mới nhập; trang điều hành hỏi định kỳ để báo người dùng có số liệu mới.', 'signed-in') },
    '/api/meta': { get: op('Thông tin khởi động trang', 'Tỉnh, thời điểm số liệu, kỳ mặc định, các tháng có dữ liệu, bộ quy tắc, danh sách chỉ tiêu và nhóm, tài khoản.', 'signed-in') },
    '/api/procedures': { get: op('Tìm thủ tục', 'Thủ tục theo mã hoặc tên, kèm số hồ sơ trong phạm vi tài khoản.', 'signed-in', [q('q', 'Mã hoặc một phần tên'), q('limit', 'Số dòng tối đa'), format]) },
    '/api/procedures/{code}': { get: op('Một thủ tục qua các đơn vị', 'Tử số, mẫu số, tỷ lệ, điểm các chỉ tiêu tính theo thủ tục, từng đơn vị.', 'signed-in', [p('code', 'Mã thủ tục quốc gia'), period, q('level', 'Cấp đơn vị'), q('parent', 'Mã đơn vị cấp trên'), format]) },
    '/api/units/{code}/official': { get: op('Điểm Cổng DVCQG bên cạnh điểm chiso', 'Từ bản chụp mới nhất của Cổng cho đơn vị và kỳ: điểm chính thức, điểm chiso tính, chênh lệch; snapshot null khi chưa có.', 'signed-in', [unit, period, format]) },
    '/api/units/{code}/plan': { get: op('Kế hoạch cải thiện', 'Các việc được nhiều điểm nhất với ít hồ sơ nhất, ví dụ "thanh toán trực tuyến thêm 12 hồ sơ: +0,8 điểm".', 'signed-in', [unit, period, format]) },
    '/api/units/{code}/simulate': { get: op('Mô phỏng', 'Đổi tỷ lệ một số chỉ tiêu của đơn vị (set=2.1:0.95,3.3:0.6) và xem điểm, thứ hạng trước và sau.', 'signed-in', [unit, period, q('set', 'Danh sách mã:tỷ lệ (0–1), cách nhau bởi dấu phẩy')]) },
    '/api/targets': {
      get: op('Chỉ tiêu chỉ đạo', 'Các chỉ tiêu chỉ đạo có đơn vị trong phạm vi tài khoản.', 'signed-in', [q('unit', 'Chỉ các chỉ tiêu áp cho đơn vị này'), q('includeArchived', 'true: gồm cả chỉ tiêu đã lưu trữ')]),
      post: op('Tạo chỉ tiêu chỉ đạo', 'Chỉ tiêu theo công văn: chỉ tiêu hoặc nhóm, mức, đơn vị áp dụng, từ kỳ đến kỳ, văn bản nguồn.', 'writer', [], body('Định nghĩa chỉ tiêu (docs/web-api.md)', { name: s, subject: { type: 'object' }, threshold: n, units: { type: 'array', items: s }, includeSubUnits: { type: 'boolean' }, from: s, to: s, source: s }, ['name', 'subject', 'threshold', 'units', 'from'])),
    },
    '/api/targets/{id}': {
      patch: op('Sửa chỉ tiêu chỉ đạo', 'Ghi một phiên bản mới; phiên bản cũ giữ trong lịch sử. Sửa dựa trên bản đã cũ: 409.', 'writer', [target], body('Các trường cần đổi', {})),
      delete: op('Lưu trữ chỉ tiêu chỉ đạo', 'Chỉ tiêu thôi áp dụng, vẫn giữ lịch sử.', 'writer', [target]),
    },
    '/api/targets/{id}/history': { get: op('Lịch sử chỉ tiêu', 'Mọi phiên bản: thời điểm, người sửa, thao tác, định nghĩa.', 'signed-in', [target]) },
    '/api/targets/{id}/compliance': { get: op('Kết quả thực hiện chỉ tiêu', 'Từng đơn vị: giá trị, mức, đạt hay chưa, còn thiếu bao nhiêu hồ sơ ("cần thêm 37 hồ sơ trực tuyến").', 'signed-in', [target, period, format]) },
    '/api/targets/{id}/trend': { get: op('Xu hướng thực hiện chỉ tiêu', 'Mỗi tháng: số đơn vị đạt trên tổng số.', 'signed-in', [target, q('periods', 'Số tháng'), q('until', 'Tháng cuối YYYY-MM')]) },
    '/api/letter': {
      get: {
        ...op('Tải công văn tháng', 'Công văn công bố kết quả Bộ chỉ số (kèm phụ lục) của một đơn vị cho một kỳ, lập như lệnh chiso report letter --db, ngày ký là hôm nay: .docx, .pdf (qua LibreOffice; thiếu LibreOffice: 503) hoặc phụ lục .xlsx, tải về dạng tệp. Đơn vị mặc định: đơn vị trong hồ sơ cơ quan, rồi đơn vị của tài khoản, rồi tỉnh. Khi chưa có hồ sơ cơ quan, dùng hồ sơ mẫu và trả tiêu đề X-Chiso-Profile: demo. Mỗi lần tải được ghi nhật ký (letter.downloaded).', 'signed-in', [
          period,
          q('unit', 'Mã đơn vị mà công văn nói về'),
          { ...q('format', 'Định dạng: docx (mặc định), pdf hoặc xlsx (phụ lục)'), schema: { type: 'string', enum: ['docx', 'pdf', 'xlsx'] } },
        ]),
        responses: {
          '200': {
            description: 'Tệp công văn hoặc phụ lục (Content-Disposition: attachment; cong-van-2026-10.docx, phu-luc-2026-10.xlsx)',
            content: Object.fromEntries(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
          },
          '400': errorJson, '401': errorJson, '403': errorJson, '404': errorJson, '409': errorJson, '503': errorJson,
        },
      },
    },
    '/api/letter/profile': {
      get: op('Hồ sơ cơ quan dùng cho công văn', 'Văn bản YAML của hồ sơ cơ quan (tên cơ quan, ký hiệu, nơi nhận, người ký, chỉ tiêu theo dõi…) đang dùng và tóm tắt; source là store (đã lưu) hoặc demo (hồ sơ mẫu).', 'signed-in'),
      put: op('Lưu hồ sơ cơ quan', 'Thay hồ sơ cơ quan bằng văn bản YAML gửi lên (docs/letter.md); sai trường nào thì trả 400 nêu tên trường. Ghi nhật ký letter.profile.updated. Cần tiêu đề X-CSRF-Token.', 'admin', [], {
        required: true,
        description: 'Văn bản YAML của hồ sơ cơ quan',
        content: Object.fromEntries(['text/yaml', 'application/x-yaml', 'application/yaml', 'text/plain'].map((t) => [t, { schema: { type: 'string' } }])),
      }),
    },
    '/api/compliance': { get: op('Tổng hợp chỉ tiêu chỉ đạo của kỳ', 'Mọi chỉ tiêu đang áp dụng trong kỳ: số đơn vị đạt, các đơn vị chưa đạt kèm khoảng thiếu.', 'signed-in', [period, q('unit', 'Chỉ đơn vị này và cấp dưới'), format]) },
  }
}
