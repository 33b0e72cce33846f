/**
 * @module adapters/store/messages
 * Every user-visible sentence of the store, in Vietnamese. Record messages are the part after the
 * record's description (`dossiers.ndjson, dòng 7, hồ sơ thứ 7 (MaHoSo …): `), as in
 * `adapters/import/messages.ts`.
 */

/** Vietnamese strings of the store adapter. */
export const STORE_MESSAGES = Object.freeze({
  // Opening, migrations
  unsupportedTarget: (target: string) =>
    `Không nhận ra kho dữ liệu "${target}": cần đường dẫn tệp SQLite hoặc URL postgres://… / postgresql://…`,
  badSchemaName: (schema: string) =>
    `Tên schema PostgreSQL "${schema}" không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 63 ký tự`,
  sqliteOpenFailed: (path: string, reason: string) => `Không mở được kho SQLite ${path}: ${reason}`,
  postgresUnreachable: (url: string, reason: string) =>
    `Không kết nối được PostgreSQL tại ${url}: ${reason}. Kiểm tra DATABASE_URL và máy chủ PostgreSQL đang chạy`,
  migrationsMissing: (dir: string) => `Không tìm thấy thư mục migration ${dir} (các tệp SQL phải được cài cùng gói chiso)`,
  badMigrationName: (file: string) => `Tệp migration ${file} không đúng dạng NNN-ten.sql`,
  duplicateMigration: (version: number) => `Có hai tệp migration cùng số ${version}`,
  migrationChanged: (name: string) =>
    `Migration ${name} đã được áp dụng nhưng nội dung tệp đã bị sửa; không được sửa migration đã phát hành, hãy thêm migration mới`,
  migrationUnknown: (name: string) =>
    `Kho dữ liệu có migration ${name} mà phiên bản chiso này không biết; hãy dùng phiên bản chiso mới hơn`,
  migrationFailed: (name: string, reason: string) => `Áp dụng migration ${name} thất bại: ${reason}`,
  storeClosed: 'Kho dữ liệu đã đóng',

  // Runs
  runNotFound: (id: number) => `Không có lần nhập số ${id}`,
  runFailed: (reason: string) => `Lần nhập bị dừng do lỗi: ${reason}`,
  fileMissing: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}`,
  notPayloadFile: (file: string) => `Tệp ${file} phải có đuôi .json hoặc .ndjson`,
  declaredUnitUnknown: (code: string) => `Đơn vị khai báo khi nhập "${code}" không có trong danh mục đơn vị của kho`,
  noUnits: 'kho chưa có đơn vị nào: hãy nhập units.json trước khi nhập hồ sơ, nếu không mọi hồ sơ đều bị từ chối vì không xác định được đơn vị',

  // Dossiers and steps
  staleDossier: (version: string, status: string, storedVersion: string, storedStatus: string) =>
    `bản ghi cũ hơn bản đã lưu trong kho (sự kiện mới nhất ${version}, trạng thái ${status}; bản đã lưu: ${storedVersion}, trạng thái ${storedStatus}); giữ bản đã lưu`,
  noEventTime: 'không có ngày',
  pendingSteps: (count: number, id: string) =>
    `${count} bước xử lý của MaHoSo ${id} chưa khớp hồ sơ nào trong kho; được giữ lại và áp dụng khi hồ sơ được nhập`,
  renormalizeRejected: (id: string, reason: string) =>
    `không tính lại được hồ sơ MaHoSo ${id} với các bước xử lý mới (${reason}); giữ bản đã lưu`,
  unknownProcedure: (count: number, code: string) =>
    `${count} hồ sơ có MaTTHC ${code} không có trong danh mục thủ tục của kho`,

  // Portal snapshots
  portalUnreadable: (file: string, reason: string) => `Không đọc được tệp phản hồi của Cổng ${file}: ${reason}`,
})
