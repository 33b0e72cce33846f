/**
 * @module adapters/import/tabular/messages
 * Every user-visible sentence of the CSV / Excel import, in Vietnamese. Record messages are the
 * part after `hoso.xlsx, dòng 7, hồ sơ thứ 6 (MaHoSo …), cột "Ngày hẹn trả": `; file messages
 * the part after `hoso.xlsx: ` (or `hoso.xlsx, dòng 7: `). Values are passed already quoted.
 */

const FORMAT_TOKENS = 'dd, d (ngày), MM, M (tháng), yyyy (năm), HH, H (giờ), mm (phút), ss (giây)'

/** Vietnamese strings of the tabular import. */
export const TABULAR_MESSAGES = Object.freeze({
  // Files
  unsupportedFormat: (ext: string) =>
    `định dạng tệp "${ext}" không được hỗ trợ; chỉ đọc CSV (.csv, .tsv, .txt) và Excel (.xlsx)`,
  oldExcel:
    'tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx hoặc "CSV UTF-8"',
  fileUnreadable: (reason: string) => `không đọc được tệp (${reason})`,
  notXlsx: (reason: string) =>
    `không đọc được tệp Excel .xlsx (${reason}); tệp có thể bị hỏng hoặc không phải .xlsx thật (một số hệ thống xuất bảng HTML mang đuôi .xls hoặc .xlsx)`,
  noSheet: 'tệp Excel không có trang tính nào',
  sheetMissing: (sheet: string, names: string) =>
    `không có trang tính "${sheet}" (khóa sheet của bảng ánh xạ); các trang tính của tệp: ${names}`,
  emptyFile: 'tệp không có dòng nào có dữ liệu',
  headerRowMissing: (row: number) =>
    `không có dòng tiêu đề ở dòng ${row} (khóa headerRow của bảng ánh xạ): tệp hết trước dòng này hoặc dòng này trống`,

  // Header
  unknownHeader: (header: string, column: string) =>
    `cột "${header}" (cột ${column}) không có trong bảng ánh xạ cột; bỏ qua cột này ở mọi dòng`,
  duplicateColumn: (header: string, target: string, used: string) =>
    `cột "${header}" cũng ứng với ${target} nhưng đã dùng cột "${used}"; bỏ qua cột "${header}"`,
  missingRequired: (target: string, what: string, aliases: string, row: number, found: string) =>
    `không có cột nào cho ${target} (${what}); tên cột được chấp nhận: ${aliases}. Dòng tiêu đề (dòng ${row}) có các cột: ${found}. Không đọc tệp này; hãy đổi tên cột, khai báo cột trong bảng ánh xạ (khóa columns), hoặc khai báo headerRow nếu dòng tiêu đề không phải dòng ${row}`,
  noStatusColumn: (aliases: string) =>
    `không có cột trạng thái hồ sơ (TrangThaiHoSo; tên cột được chấp nhận: ${aliases}); hồ sơ chỉ được nhận nếu trạng thái suy ra được từ tiến độ xử lý`,
  unlabeledData: (column: string, row: number) =>
    `cột ${column} không có tiêu đề nhưng có dữ liệu (lần đầu ở dòng ${row}); bỏ qua cột này`,

  // Cells
  badDate: (value: string, format: string) => `${value} không phải ngày hợp lệ theo ${format}`,
  dateNoFormat: (value: string, formats: string) =>
    `${value} không khớp định dạng ngày nào đã khai báo (${formats})`,
  dateOutOfRange: (value: string) => `${value} không phải ngày hợp lệ (năm phải từ 1900 đến 9999)`,
  badAmount: (value: string) =>
    `${value} không phải số tiền hợp lệ (số nguyên đồng, ví dụ 150000, 150.000 hoặc 150,000)`,
  cellError: (code: string) => `ô có lỗi Excel ${code}; coi là ô trống`,
  formulaNoResult:
    'ô chứa công thức không có giá trị tính sẵn (hoặc công thức bị lỗi); coi là ô trống (hãy mở tệp bằng Excel, kiểm tra công thức và lưu lại)',

  // CSV
  wrongColumnCount: (count: number, expected: number) =>
    `dòng có ${count} ô trong khi dòng tiêu đề có ${expected} cột; bỏ qua dòng này (thường do dấu phân cách nằm trong một giá trị không đặt trong ngoặc kép)`,
  unterminatedQuote: (line: number, last: number) =>
    `dấu ngoặc kép mở ở dòng ${line} không được đóng đến hết tệp (dòng ${last}); các dòng từ dòng ${line} trở đi không đọc được`,
  textAfterQuote:
    'có ký tự ngay sau dấu ngoặc kép đóng (giá trị trong ngoặc kép phải đứng riêng giữa hai dấu phân cách; dấu ngoặc kép bên trong viết thành ""); bỏ qua dòng này',
  recordTooLong: (line: number, max: number) =>
    `bản ghi bắt đầu ở dòng ${line} dài hơn ${max} ký tự, thường do thiếu dấu ngoặc kép đóng; ngừng đọc tệp từ dòng ${line}`,
  badEncoding: (encoding: string, line: number) =>
    `nội dung không phải ${encoding} hợp lệ (khoảng dòng ${line}); ngừng đọc tệp từ đây. Nếu tệp được lưu từ Excel bằng "CSV (Comma delimited)", hãy lưu lại bằng "CSV UTF-8", hoặc khai báo encoding: windows-1258 trong bảng ánh xạ`,

  // Import context
  unitCodeUnknown: (code: string) =>
    `unitCode ${code} của bảng ánh xạ không có trong danh mục đơn vị; không dùng để xác định đơn vị`,

  // Mapping files
  mappingWhere: (source: string, key: string | null) =>
    key === null ? `Bảng ánh xạ ${source}` : `Bảng ánh xạ ${source}, khóa ${key}`,
  mappingUnreadable: (reason: string) => `không đọc được tệp (${reason})`,
  mappingSyntax: (kind: 'YAML' | 'JSON', reason: string) => `tệp ${kind} sai cú pháp: ${reason}`,
  mappingExtension: (ext: string) =>
    `đuôi tệp "${ext}" không được hỗ trợ; bảng ánh xạ phải là .yaml, .yml hoặc .json`,
  mappingNotObject: 'nội dung phải là một đối tượng (các khóa columns, dateFormats, values…)',
  mappingUnknownKey: (allowed: string) => `khóa không được hỗ trợ; các khóa hợp lệ: ${allowed}`,
  mappingNeedsObject: 'phải là một đối tượng (tên cột: giá trị)',
  mappingNeedsColumns:
    'thiếu khóa columns: khi useDefaults là false, bảng ánh xạ phải tự khai báo các cột',
  mappingBadTarget: (target: string, hint: string) =>
    `${target} không phải trường DongBoHoSoMC được hỗ trợ${hint}`,
  mappingTargetHint: (suggestion: string) => ` (có phải "${suggestion}"?)`,
  mappingTargetList: (fields: string) => `; các trường được hỗ trợ: ${fields}`,
  mappingEmptyHeader: 'tên cột không được để trống',
  mappingDuplicateHeader: (other: string) =>
    `trùng với cột "${other}" (tên cột so sánh không phân biệt hoa thường, sau khi chuẩn hóa Unicode NFC và khoảng trắng)`,
  mappingNeedsString: 'phải là một chuỗi ký tự không rỗng',
  mappingNeedsStringList: 'phải là một danh sách chuỗi ký tự không rỗng',
  mappingNeedsPositiveInteger: 'phải là số nguyên dương',
  mappingNeedsBoolean: 'phải là true hoặc false',
  mappingBadDelimiter: (value: string) =>
    `${value} không dùng được làm dấu phân cách: phải là đúng một ký tự, khác dấu ngoặc kép và xuống dòng (ví dụ "," hoặc ";")`,
  mappingBadEncoding: (value: string) =>
    `${value} không được hỗ trợ; dùng utf8 hoặc windows-1258`,
  mappingBadTime: (value: string) => `${value} phải là giờ dạng HH:mm hoặc HH:mm:ss, ví dụ "23:59:59"`,
  mappingValuesKey: (key: string) =>
    `"${key}" không phải tên cột nào trong columns, cũng không phải một trường DongBoHoSoMC được hỗ trợ`,
  mappingValuesNotCoded: (key: string) =>
    `trường của "${key}" không nhận bảng giá trị (chỉ các trường mã, cờ 0/1 và số tiền)`,
  mappingBadCode: (value: string, target: string, codes: string) =>
    `${value} không thuộc bảng mã của ${target} (${codes})`,
  mappingBadAmountCode: (value: string) => `${value} phải là một số nguyên không âm (số tiền, đồng)`,
  mappingEmptyValueKey: 'giá trị nguồn không được để trống',

  // Date formats
  formatEmpty: 'định dạng ngày rỗng',
  formatUnknownToken: (token: string) =>
    `ký hiệu "${token}" không được hỗ trợ; dùng ${FORMAT_TOKENS}, chữ khác đặt trong dấu nháy đơn (ví dụ 'T')`,
  formatRepeated: (token: string) => `ký hiệu ${token} xuất hiện hai lần`,
  formatMissingPart: (part: string) => `thiếu ${part}`,
  formatMinuteWithoutHour: 'có phút (mm) hoặc giây (ss) mà không có giờ (HH hoặc H)',
  formatHourWithoutMinute: 'có giờ mà không có phút (mm)',
  formatUnclosedQuote: 'dấu nháy đơn mở mà không đóng',
  formatAdjacentNumbers: (a: string, b: string) =>
    `hai ký hiệu ${a} và ${b} đứng liền nhau, trong đó có ký hiệu độ dài thay đổi; thêm dấu phân cách giữa chúng`,
})
