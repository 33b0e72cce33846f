/**
 * @module adapters/import/messages
 * Every user-visible sentence of the import adapter, in Vietnamese. Record messages are the part
 * after the record's description (`dossiers.json, hồ sơ thứ 3 (MaHoSo …): `); values are passed
 * already quoted (see `quote` in `parse-values.ts`).
 */

const DATE_TIME_FORMATS = 'YYYY-MM-DDTHH:mm[:ss][+07:00|Z], YYYY-MM-DD HH:mm[:ss] hoặc yyyyMMddHHmmss'

/** Vietnamese strings of the import adapter. */
export const MESSAGES = Object.freeze({
  errorLabel: 'Lỗi',
  warningLabel: 'Cảnh báo',
  summaryNoRejected: 'Không có bản ghi nào bị từ chối.',
  summaryRejected: (n: number, detail: string) => `Số bản ghi bị từ chối: ${n} (${detail}).`,
  summaryFileErrors: (n: number, detail: string) => `Số lỗi cấp tệp: ${n} (${detail}).`,
  summaryNoWarnings: 'Không có cảnh báo.',
  summaryWarnings: (n: number, detail: string) => `Số cảnh báo: ${n} (${detail}).`,

  // Records and fields, any file.
  notObject: 'bản ghi không phải một đối tượng JSON',
  missing: (field: string, what: string) => `thiếu ${field} (${what})`,
  notText: (field: string, value: string) => `${field} ${value} phải là chuỗi ký tự`,
  notArray: (field: string) => `${field} phải là một mảng`,
  entryNotObject: (path: string) => `${path} không phải một đối tượng`,
  entryIgnored: (path: string) => `${path} không phải một đối tượng; bỏ qua`,
  unknownField: (field: string) =>
    `trường ${field} không được hỗ trợ; bỏ qua trường này ở mọi bản ghi của tệp`,
  badEnum: (field: string, value: string, allowed: string) =>
    `${field} ${value} không hợp lệ; giá trị cho phép: ${allowed}`,
  notBoolean: (field: string, value: string) =>
    `${field} ${value} phải là true hoặc false (kiểu boolean của JSON)`,
  badCount: (field: string, value: string) => `${field} ${value} phải là số nguyên không âm`,
  badCountOrNull: (field: string, value: string) =>
    `${field} ${value} phải là số nguyên không âm hoặc null`,

  // DongBoHoSoMC (§10.2).
  badCompactDate: (field: string, value: string) =>
    `${field} ${value} không đúng định dạng yyyyMMddHHmmss`,
  notNationalProcedureCode: (value: string) =>
    `MaTTHC ${value} không phải mã thủ tục hành chính quốc gia (phải bắt đầu bằng dạng d.dddddd)`,
  unitCodeUnknown: (value: string) =>
    `MaDonVi ${value} không có trong danh mục đơn vị (units.json); bỏ qua trường này`,
  unitUnresolved: (explicitUnit: string, unitName: string, prefix: string) =>
    `không xác định được đơn vị xử lý: MaDonVi ${explicitUnit}, DonViXuLy ${unitName} và phần đầu MaHoSo ${prefix} không khớp đơn vị nào trong units.json, và không có madonvi của gói dữ liệu hay đơn vị khai báo khi nhập`,
  statusMissing:
    'thiếu TrangThaiHoSo và không có bước xử lý nào (CapNhatTienDoHoSoMC) để suy ra trạng thái',
  unknownStatus: (field: string, value: string) =>
    `${field} ${value} không thuộc bảng mã trạng thái 1–10; lưu là "unknown"`,
  unknownChannel: (value: string) =>
    `KenhThucHien ${value} không thuộc bảng mã 1/2/3; coi là nộp trực tiếp`,
  noReceiptDate:
    'không có NgayTiepNhan lẫn NgayNopHoSo; hồ sơ vẫn được lưu nhưng không được tính vào kỳ nào',
  endWithoutEndStatus: (value: string, status: string) =>
    `có NgayKetThucXuLy ${value} trong khi TrangThaiHoSo ${status} không phải trạng thái kết thúc (9, 10, 8, 3, 7); vẫn dùng làm thời điểm kết thúc xử lý`,
  supplementNoRequestDate: (path: string) =>
    `${path}.NgayBoSung trống: mỗi yêu cầu bổ sung phải có ngày yêu cầu bổ sung`,
  supplementCompletedBefore: (path: string, completed: string, requested: string) =>
    `${path}.NgayTiepNhanBoSung ${completed} sớm hơn ${path}.NgayBoSung ${requested}`,
  badFee: (path: string, value: string) =>
    `${path} ${value} không phải số tiền hợp lệ (chỉ gồm chữ số, tính bằng đồng, không dấu phân cách)`,
  badFlag: (path: string, value: string, codes: string, fallback: string) =>
    `${path} ${value} không thuộc bảng mã ${codes}; coi là ${fallback}`,
  badSyncFlag: (field: string, value: string) =>
    `${field} ${value} phải là "1" hoặc "0" (hoặc true/false)`,
  duplicateDossier: (previousIndex: number) =>
    `MaHoSo đã có ở hồ sơ thứ ${previousIndex}; bản ghi sau thay thế bản ghi trước`,
  unknownProcedure: (count: number, code: string) =>
    `${count} hồ sơ có MaTTHC ${code} không có trong procedures.json`,

  // CapNhatTienDoHoSoMC (§10.3).
  stepBadOptionalDate: (field: string, value: string) =>
    `${field} ${value} không đúng định dạng yyyyMMddHHmmss; bỏ qua giá trị này (không dùng để tính điểm)`,
  stepsOfUnknownDossier: (count: number, id: string, dossierFile: string) =>
    `${count} bước xử lý của MaHoSo ${id} không khớp hồ sơ hợp lệ nào trong ${dossierFile}; bỏ qua`,

  // Files and envelopes.
  notJson: (place: number | 'end' | null) =>
    place === null
      ? 'nội dung không phải JSON hợp lệ'
      : place === 'end'
        ? 'nội dung không phải JSON hợp lệ (kết thúc giữa chừng)'
        : `nội dung không phải JSON hợp lệ (lỗi ở ký tự thứ ${place})`,
  lineNotRecord: 'dòng không phải một đối tượng JSON (hồ sơ hoặc gói dữ liệu)',
  badTopLevel: (expected: string) => `nội dung phải là ${expected}`,
  envelopeService: (value: string, expected: string) =>
    `service ${value} khác "${expected}"; vẫn đọc mảng data`,
  envelopeUnitUnknown: (code: string) =>
    `madonvi ${code} của gói dữ liệu không có trong units.json; không dùng để xác định đơn vị`,
  dataDirMissing: (dir: string) => `Không tìm thấy thư mục dữ liệu ${dir}`,
  requiredFileMissing: (file: string, dir: string) =>
    `Thiếu tệp bắt buộc ${file} trong thư mục dữ liệu ${dir}`,
  dossierFileMissing: (dir: string) =>
    `Thiếu tệp hồ sơ trong thư mục dữ liệu ${dir}: cần dossiers.json hoặc dossiers.ndjson`,
  bothFormats: (a: string, b: string, dir: string) =>
    `Thư mục dữ liệu ${dir} có cả ${a} và ${b}; chỉ được giữ một trong hai tệp`,
  fileUnreadable: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}`,
  fileTooLarge: (file: string) =>
    `Tệp ${file} quá lớn để đọc một lần; hãy dùng dạng NDJSON (mỗi dòng một bản ghi, ví dụ dossiers.ndjson)`,
  requiredFileInvalid: (file: string, text: string) => `Tệp bắt buộc ${file}: ${text}`,
  declaredUnitUnknown: (code: string) =>
    `Đơn vị khai báo khi nhập "${code}" không có trong units.json`,

  // Catalog.
  duplicateCode: (noun: string, previousIndex: number) =>
    `code đã có ở ${noun} thứ ${previousIndex}; bỏ bản ghi này`,
  badProcedureCode: (value: string) =>
    `code ${value} không phải mã thủ tục hành chính quốc gia dạng d.dddddd`,
  badIsoDate: (field: string, value: string) =>
    `${field} ${value} không phải ngày có thật dạng YYYY-MM-DD`,
  badCompleteParts: (value: string) =>
    `publication.completeParts ${value} phải là số nguyên từ 0 đến 7`,
  badMaxTime: (value: string) => `maxTime ${value} phải là một số không âm`,
  parentMissing: (parent: string) => `parent ${parent} không có trong units.json`,
  parentRejected: (parent: string) =>
    `đơn vị cha ${parent} bị từ chối nên đơn vị này cũng bị từ chối`,
  parentCycle: (chain: string) => `parent tạo thành vòng lặp (${chain})`,
  unknownProcedureUnits: (codes: string) =>
    `units có mã đơn vị không có trong units.json: ${codes}; vẫn giữ các mã này`,
  duplicateUnitName: (name: string, otherCode: string) =>
    `name ${name} trùng tên với đơn vị ${otherCode}; DonViXuLy mang tên này sẽ không được dùng để xác định đơn vị`,

  // Petitions, ratings, sync reports.
  badDateTime: (field: string, value: string) =>
    `${field} ${value} không đúng định dạng ngày giờ (${DATE_TIME_FORMATS})`,
  unknownUnit: (field: string, code: string) =>
    `${field} ${code} không có trong units.json; vẫn giữ bản ghi`,
  unknownDossier: (id: string) =>
    `dossierId ${id} không khớp hồ sơ nào đã nhập; vẫn giữ bản ghi`,
  badCategory: (value: string) =>
    `category ${value} không thuộc procedure/staff/other; coi là chưa phân loại`,
  duplicatePetition: (previousIndex: number) =>
    `id đã có ở phản ánh, kiến nghị thứ ${previousIndex}; bản ghi sau thay thế bản ghi trước`,
  badMonth: (value: string) => `month ${value} không phải tháng hợp lệ dạng YYYY-MM`,
  duplicateSyncReport: (previousIndex: number) =>
    `đơn vị và tháng này đã có ở số liệu đồng bộ thứ ${previousIndex}; bản ghi sau thay thế bản ghi trước`,
})
