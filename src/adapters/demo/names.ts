/**
 * @module adapters/demo/names
 * Every Vietnamese word list of the demo data in one place: the fictional province, its
 * departments (two eras: before and after the 2025 mergers), district and commune names, procedure
 * fields and name parts, people and companies, processing-step wording. Only words live here; the
 * numbers that shape the data (volumes, shares, quality) live beside the generators.
 *
 * The province "Minh Sơn" does not exist, so that nobody mistakes demo numbers for a real one.
 * Commune and district names are ordinary Vietnamese place names; any resemblance to a real
 * commune is a coincidence of common words.
 */

/** Fictional province name (without "tỉnh"). */
export const PROVINCE_NAME = 'Minh Sơn'

/** Host used in every generated file link (the spec examples use the same one). */
export const FILE_HOST = 'https://motcua.example.gov.vn/minhson'

/** A procedure field (lĩnh vực): code, name and the parts procedure names are built from. */
export interface FieldWords {
  /** Short id used by departments and levels. */
  id: string
  /** MaLinhVuc, e.g. `G13-HT01`. */
  code: string
  /** TenLinhVuc. */
  name: string
  /** Complete procedure names, used first. */
  fixed: string[]
  /** [action set, object] pairs; each expands to "<action> <object>" for every action of the set. */
  items: [ActionSet, string][]
}

/** Verb sets used to expand procedure objects into names. */
export type ActionSet = 'licence' | 'registration' | 'certificate' | 'approval' | 'notice' | 'support'

/** Verbs of each action set. */
export const ACTIONS: Record<ActionSet, string[]> = {
  licence: ['Cấp', 'Cấp lại', 'Cấp sửa đổi, bổ sung', 'Gia hạn', 'Thu hồi'],
  registration: ['Đăng ký', 'Đăng ký thay đổi', 'Xác nhận', 'Xóa đăng ký'],
  certificate: ['Cấp', 'Cấp lại', 'Cấp đổi', 'Điều chỉnh'],
  approval: ['Thẩm định', 'Phê duyệt', 'Điều chỉnh', 'Chấp thuận'],
  notice: ['Thông báo', 'Tiếp nhận thông báo', 'Công bố'],
  support: ['Giải quyết', 'Hỗ trợ', 'Xét duyệt', 'Điều chỉnh, thôi hưởng'],
}

/** Qualifiers appended to names when a department needs more procedures than its base names. */
export const NAME_QUALIFIERS = [
  ' đối với tổ chức',
  ' đối với cá nhân',
  ' đối với doanh nghiệp',
  ' (trường hợp bị mất, hỏng)',
  ' (trường hợp hết hạn)',
  ' (trường hợp thay đổi thông tin)',
  ' thuộc thẩm quyền cấp tỉnh',
  ' đối với đơn vị sự nghiệp công lập',
  ' đối với hộ gia đình',
  ' đối với dự án sử dụng vốn ngân sách',
  ' đối với người nước ngoài',
  ' trên địa bàn nhiều xã',
]

/** All procedure fields. */
export const FIELDS: FieldWords[] = [
  // ---------------------------------------------------------------- Tư pháp
  {
    id: 'lltp', code: 'G13-LL01', name: 'Lý lịch tư pháp',
    fixed: ['Cấp phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      'Cấp phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng',
      'Cấp phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội',
      'Cấp phiếu lý lịch tư pháp trên ứng dụng VNeID'],
    items: [],
  },
  {
    id: 'hotich-nn', code: 'G13-HT02', name: 'Hộ tịch có yếu tố nước ngoài',
    fixed: ['Đăng ký khai sinh có yếu tố nước ngoài', 'Đăng ký kết hôn có yếu tố nước ngoài',
      'Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài', 'Đăng ký khai tử có yếu tố nước ngoài',
      'Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
      'Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn đã được giải quyết ở nước ngoài',
      'Thay đổi, cải chính, bổ sung thông tin hộ tịch có yếu tố nước ngoài'],
    items: [],
  },
  {
    id: 'congchung', code: 'G13-CC03', name: 'Công chứng',
    fixed: ['Thành lập Văn phòng công chứng', 'Chuyển đổi Văn phòng công chứng do một công chứng viên thành lập'],
    items: [['registration', 'hành nghề công chứng'], ['certificate', 'thẻ công chứng viên'],
      ['registration', 'hoạt động Văn phòng công chứng'], ['approval', 'việc hợp nhất, sáp nhập Văn phòng công chứng']],
  },
  {
    id: 'luatsu', code: 'G13-LS04', name: 'Luật sư',
    fixed: ['Thành lập tổ chức hành nghề luật sư'],
    items: [['registration', 'hoạt động của tổ chức hành nghề luật sư'], ['registration', 'hành nghề luật sư với tư cách cá nhân'],
      ['registration', 'hoạt động chi nhánh của tổ chức hành nghề luật sư'], ['licence', 'giấy phép thành lập chi nhánh công ty luật nước ngoài']],
  },
  {
    id: 'daugia', code: 'G13-DG05', name: 'Đấu giá tài sản',
    fixed: ['Đăng ký hoạt động của doanh nghiệp đấu giá tài sản'],
    items: [['registration', 'hoạt động của chi nhánh doanh nghiệp đấu giá tài sản'], ['certificate', 'thẻ đấu giá viên'],
      ['approval', 'tổ chức đủ điều kiện thực hiện hình thức đấu giá trực tuyến']],
  },
  {
    id: 'trogiup', code: 'G13-TG06', name: 'Trợ giúp pháp lý',
    fixed: ['Yêu cầu trợ giúp pháp lý', 'Giải quyết khiếu nại về trợ giúp pháp lý',
      'Lựa chọn, ký hợp đồng với luật sư thực hiện trợ giúp pháp lý'],
    items: [['registration', 'tham gia trợ giúp pháp lý'], ['certificate', 'thẻ cộng tác viên trợ giúp pháp lý']],
  },
  {
    id: 'giamdinh', code: 'G13-GD07', name: 'Giám định tư pháp',
    fixed: ['Bổ nhiệm giám định viên tư pháp', 'Miễn nhiệm giám định viên tư pháp'],
    items: [['licence', 'giấy phép thành lập Văn phòng giám định tư pháp'], ['registration', 'hoạt động Văn phòng giám định tư pháp']],
  },
  {
    id: 'quoctich', code: 'G13-QT08', name: 'Quốc tịch',
    fixed: ['Nhập quốc tịch Việt Nam', 'Trở lại quốc tịch Việt Nam ở trong nước', 'Thôi quốc tịch Việt Nam ở trong nước',
      'Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước', 'Cấp Giấy xác nhận là người gốc Việt Nam ở trong nước'],
    items: [],
  },
  {
    id: 'thuaphatlai', code: 'G13-TP09', name: 'Thừa phát lại',
    fixed: ['Thành lập Văn phòng Thừa phát lại'],
    items: [['registration', 'hành nghề và cấp Thẻ Thừa phát lại'], ['registration', 'hoạt động Văn phòng Thừa phát lại']],
  },
  // ---------------------------------------------------------------- Tài chính, đầu tư
  {
    id: 'doanhnghiep', code: 'G06-DN01', name: 'Thành lập và hoạt động doanh nghiệp',
    fixed: ['Đăng ký thành lập doanh nghiệp tư nhân', 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
      'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên', 'Đăng ký thành lập công ty cổ phần',
      'Đăng ký thay đổi người đại diện theo pháp luật của công ty', 'Đăng ký thay đổi vốn điều lệ, tỷ lệ vốn góp',
      'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo', 'Giải thể doanh nghiệp',
      'Cấp lại Giấy chứng nhận đăng ký doanh nghiệp', 'Hiệu đính thông tin đăng ký doanh nghiệp'],
    items: [['registration', 'hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh'],
      ['notice', 'thay đổi thông tin cổ đông sáng lập'], ['notice', 'thay đổi ngành, nghề kinh doanh']],
  },
  {
    id: 'dautu', code: 'G06-DT02', name: 'Đầu tư tại Việt Nam',
    fixed: ['Chấp thuận chủ trương đầu tư của UBND cấp tỉnh', 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
      'Điều chỉnh dự án đầu tư trong trường hợp chia, tách, sáp nhập dự án', 'Chấm dứt hoạt động dự án đầu tư',
      'Góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài'],
    items: [['certificate', 'Giấy chứng nhận đăng ký đầu tư'], ['approval', 'chủ trương đầu tư dự án'],
      ['notice', 'giãn tiến độ thực hiện dự án đầu tư']],
  },
  {
    id: 'hoptacxa', code: 'G06-HTX03', name: 'Thành lập và hoạt động của hợp tác xã',
    fixed: ['Đăng ký thành lập liên hiệp hợp tác xã', 'Giải thể tự nguyện liên hiệp hợp tác xã'],
    items: [['registration', 'thay đổi tên, địa chỉ trụ sở chính của liên hiệp hợp tác xã'],
      ['registration', 'thành lập chi nhánh, văn phòng đại diện của liên hiệp hợp tác xã']],
  },
  {
    id: 'congsan', code: 'G06-CS04', name: 'Quản lý công sản',
    fixed: ['Quyết định giao tài sản nhà nước cho đơn vị sự nghiệp công lập', 'Thanh lý tài sản công',
      'Điều chuyển tài sản công', 'Bán tài sản công', 'Xác lập quyền sở hữu toàn dân đối với tài sản'],
    items: [['approval', 'phương án sắp xếp lại, xử lý nhà, đất'], ['approval', 'đề án sử dụng tài sản công vào mục đích kinh doanh, cho thuê']],
  },
  {
    id: 'giaca', code: 'G06-GC05', name: 'Quản lý giá',
    fixed: ['Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh', 'Kê khai giá hàng hóa, dịch vụ'],
    items: [['approval', 'phương án giá hàng hóa, dịch vụ do Nhà nước định giá']],
  },
  // ---------------------------------------------------------------- Công Thương
  {
    id: 'luuthong', code: 'G08-LT01', name: 'Lưu thông hàng hóa trong nước',
    fixed: ['Cấp giấy phép bán buôn rượu trên địa bàn tỉnh', 'Cấp giấy phép bán buôn sản phẩm thuốc lá',
      'Cấp giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh'],
    items: [['licence', 'giấy phép kinh doanh xăng dầu'], ['licence', 'giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu'],
      ['licence', 'giấy phép sản xuất rượu công nghiệp'], ['licence', 'giấy phép thành lập cơ sở bán lẻ']],
  },
  {
    id: 'dien', code: 'G08-DL02', name: 'Điện',
    fixed: ['Cấp thẻ kiểm tra viên điện lực'],
    items: [['licence', 'giấy phép hoạt động phân phối điện'], ['licence', 'giấy phép hoạt động bán lẻ điện'],
      ['licence', 'giấy phép hoạt động phát điện đối với nhà máy có quy mô dưới 50MW']],
  },
  {
    id: 'hoachat', code: 'G08-HC03', name: 'Hóa chất',
    fixed: ['Xác nhận Kế hoạch phòng ngừa, ứng phó sự cố hóa chất'],
    items: [['licence', 'giấy chứng nhận đủ điều kiện sản xuất hóa chất sản xuất, kinh doanh có điều kiện'],
      ['licence', 'giấy chứng nhận đủ điều kiện kinh doanh hóa chất sản xuất, kinh doanh có điều kiện']],
  },
  {
    id: 'attp-ct', code: 'G08-TP04', name: 'An toàn thực phẩm',
    fixed: ['Cấp Giấy xác nhận kiến thức về an toàn thực phẩm'],
    items: [['licence', 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm']],
  },
  {
    id: 'xuctien', code: 'G08-XT05', name: 'Xúc tiến thương mại',
    fixed: ['Đăng ký thực hiện khuyến mại', 'Thông báo thực hiện khuyến mại', 'Đăng ký tổ chức hội chợ, triển lãm thương mại'],
    items: [['registration', 'hoạt động khuyến mại theo hình thức mang tính may rủi']],
  },
  {
    id: 'khi', code: 'G08-KH06', name: 'Kinh doanh khí',
    fixed: [],
    items: [['licence', 'giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai'],
      ['licence', 'giấy chứng nhận đủ điều kiện trạm nạp LPG vào chai'], ['licence', 'giấy chứng nhận đủ điều kiện trạm nạp LPG vào phương tiện vận tải']],
  },
  {
    id: 'vatlieuno', code: 'G08-VL07', name: 'Vật liệu nổ công nghiệp',
    fixed: [],
    items: [['licence', 'giấy phép sử dụng vật liệu nổ công nghiệp'], ['licence', 'giấy phép kinh doanh tiền chất thuốc nổ']],
  },
  {
    id: 'thuongmaiqt', code: 'G08-QT08', name: 'Thương mại quốc tế',
    fixed: ['Cấp Giấy chứng nhận xuất xứ hàng hóa ưu đãi'],
    items: [['licence', 'giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài'],
      ['licence', 'giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài']],
  },
  // ---------------------------------------------------------------- Nông nghiệp và Môi trường
  {
    id: 'datdai', code: 'G11-DD01', name: 'Đất đai',
    fixed: ['Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
      'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
      'Giao đất, cho thuê đất không đấu giá quyền sử dụng đất', 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền',
      'Gia hạn sử dụng đất khi hết thời hạn sử dụng đất', 'Tách thửa hoặc hợp thửa đất', 'Cung cấp thông tin, dữ liệu đất đai',
      'Đính chính Giấy chứng nhận đã cấp', 'Thu hồi đất vì mục đích quốc phòng, an ninh; phát triển kinh tế - xã hội'],
    items: [['certificate', 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất'],
      ['registration', 'biến động đất đai do đổi tên, thay đổi thông tin về người sử dụng đất'],
      ['approval', 'phương án sử dụng đất của công ty nông, lâm nghiệp']],
  },
  {
    id: 'moitruong', code: 'G11-MT02', name: 'Môi trường',
    fixed: ['Thẩm định báo cáo đánh giá tác động môi trường', 'Đăng ký môi trường',
      'Chấp thuận tách đấu nối khỏi hệ thống xử lý nước thải tập trung'],
    items: [['licence', 'giấy phép môi trường'], ['approval', 'phương án cải tạo, phục hồi môi trường'],
      ['licence', 'giấy phép xử lý chất thải nguy hại']],
  },
  {
    id: 'nuoc', code: 'G11-TN03', name: 'Tài nguyên nước',
    fixed: ['Lấy ý kiến về phương án chuyển nước', 'Kê khai, đăng ký khai thác nước dưới đất'],
    items: [['licence', 'giấy phép khai thác nước mặt'], ['licence', 'giấy phép thăm dò nước dưới đất'],
      ['licence', 'giấy phép khai thác nước dưới đất'], ['licence', 'giấy phép hành nghề khoan nước dưới đất']],
  },
  {
    id: 'khoangsan', code: 'G11-KS04', name: 'Địa chất và khoáng sản',
    fixed: ['Đóng cửa mỏ khoáng sản', 'Đấu giá quyền khai thác khoáng sản'],
    items: [['licence', 'giấy phép thăm dò khoáng sản'], ['licence', 'giấy phép khai thác khoáng sản'],
      ['licence', 'giấy phép khai thác tận thu khoáng sản']],
  },
  {
    id: 'trongtrot', code: 'G11-TT05', name: 'Trồng trọt',
    fixed: ['Cấp mã số vùng trồng'],
    items: [['certificate', 'Quyết định công nhận cây đầu dòng, vườn cây đầu dòng'],
      ['licence', 'giấy chứng nhận đủ điều kiện sản xuất phân bón'], ['certificate', 'Quyết định công nhận lưu hành giống cây trồng']],
  },
  {
    id: 'channuoi', code: 'G11-CN06', name: 'Chăn nuôi',
    fixed: ['Kê khai hoạt động chăn nuôi'],
    items: [['licence', 'giấy chứng nhận đủ điều kiện chăn nuôi trang trại quy mô lớn'],
      ['licence', 'giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi']],
  },
  {
    id: 'thuy', code: 'G11-TY07', name: 'Thú y',
    fixed: ['Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh'],
    items: [['licence', 'chứng chỉ hành nghề thú y'], ['licence', 'giấy chứng nhận cơ sở an toàn dịch bệnh động vật'],
      ['licence', 'giấy chứng nhận đủ điều kiện vệ sinh thú y']],
  },
  {
    id: 'thuysan', code: 'G11-TS08', name: 'Thủy sản',
    fixed: ['Công bố mở cảng cá loại II', 'Xác nhận nguồn gốc loài thủy sản'],
    items: [['certificate', 'Giấy chứng nhận đăng ký tàu cá'], ['licence', 'giấy phép khai thác thủy sản'],
      ['licence', 'giấy chứng nhận cơ sở nuôi trồng thủy sản']],
  },
  {
    id: 'lamnghiep', code: 'G11-LN09', name: 'Lâm nghiệp',
    fixed: ['Phê duyệt phương án quản lý rừng bền vững', 'Chuyển loại rừng đối với khu rừng do UBND cấp tỉnh quyết định thành lập'],
    items: [['approval', 'hồ sơ thiết kế, dự toán công trình lâm sinh'], ['registration', 'mã số cơ sở nuôi, trồng các loài động vật, thực vật hoang dã']],
  },
  {
    id: 'thuyloi', code: 'G11-TL10', name: 'Thủy lợi',
    fixed: ['Phê duyệt phương án ứng phó thiên tai cho công trình vùng hạ du đập'],
    items: [['licence', 'giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi'],
      ['approval', 'phương án bảo vệ đập, hồ chứa nước thủy lợi']],
  },
  {
    id: 'dodac', code: 'G11-DB11', name: 'Đo đạc, bản đồ và thông tin địa lý',
    fixed: ['Cung cấp thông tin, dữ liệu, sản phẩm đo đạc và bản đồ'],
    items: [['licence', 'giấy phép hoạt động đo đạc và bản đồ'], ['certificate', 'chứng chỉ hành nghề đo đạc và bản đồ hạng II']],
  },
  // ---------------------------------------------------------------- Xây dựng, giao thông
  {
    id: 'xaydung', code: 'G07-XD02', name: 'Hoạt động xây dựng',
    fixed: ['Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
      'Cấp giấy phép xây dựng sửa chữa, cải tạo công trình', 'Cấp giấy phép di dời công trình',
      'Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng', 'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở',
      'Kiểm tra công tác nghiệm thu hoàn thành công trình'],
    items: [['licence', 'giấy phép xây dựng'], ['certificate', 'chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III'],
      ['certificate', 'chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III'], ['licence', 'giấy phép hoạt động xây dựng cho nhà thầu nước ngoài']],
  },
  {
    id: 'quyhoach', code: 'G07-QH03', name: 'Quy hoạch xây dựng, kiến trúc',
    fixed: ['Cung cấp thông tin về quy hoạch xây dựng', 'Thẩm định đồ án, đồ án điều chỉnh quy hoạch chi tiết'],
    items: [['approval', 'nhiệm vụ quy hoạch chi tiết xây dựng'], ['certificate', 'chứng chỉ hành nghề kiến trúc']],
  },
  {
    id: 'nhao', code: 'G07-NO04', name: 'Nhà ở',
    fixed: ['Thuê nhà ở công vụ', 'Mua, thuê, thuê mua nhà ở xã hội', 'Công nhận chủ đầu tư dự án xây dựng nhà ở'],
    items: [['approval', 'chủ trương đầu tư dự án xây dựng nhà ở'], ['certificate', 'giấy xác nhận đủ điều kiện được mua, thuê mua nhà ở xã hội']],
  },
  {
    id: 'bds', code: 'G07-BS05', name: 'Kinh doanh bất động sản',
    fixed: ['Chuyển nhượng toàn bộ hoặc một phần dự án bất động sản'],
    items: [['certificate', 'chứng chỉ hành nghề môi giới bất động sản'], ['notice', 'nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua']],
  },
  {
    id: 'duongbo', code: 'G07-DB06', name: 'Đường bộ',
    fixed: ['Cấp Giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn', 'Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng đường bộ',
      'Công bố đưa bến xe khách vào khai thác'],
    items: [['licence', 'giấy phép kinh doanh vận tải bằng xe ô tô'], ['licence', 'phù hiệu xe ô tô kinh doanh vận tải'],
      ['licence', 'giấy phép thi công công trình trên đường bộ đang khai thác'], ['certificate', 'giấy chứng nhận cơ sở đào tạo lái xe']],
  },
  {
    id: 'duongthuy', code: 'G07-DT07', name: 'Đường thủy nội địa',
    fixed: ['Công bố hoạt động bến thủy nội địa', 'Chấp thuận phương án bảo đảm an toàn giao thông đường thủy nội địa'],
    items: [['registration', 'phương tiện thủy nội địa lần đầu'], ['certificate', 'giấy chứng nhận khả năng chuyên môn thuyền trưởng']],
  },
  // ---------------------------------------------------------------- Giáo dục
  {
    id: 'giaoduc', code: 'G09-GD10', name: 'Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân',
    fixed: ['Thành lập trường trung học phổ thông công lập', 'Cho phép trường trung học phổ thông hoạt động giáo dục',
      'Chuyển trường đối với học sinh trung học phổ thông', 'Cho phép hoạt động giáo dục trở lại',
      'Xét, cấp học bổng chính sách', 'Thành lập trung tâm ngoại ngữ, tin học'],
    items: [['licence', 'giấy phép hoạt động giáo dục của trung tâm ngoại ngữ, tin học'], ['licence', 'giấy phép tổ chức hoạt động dạy thêm, học thêm'],
      ['approval', 'việc sáp nhập, chia, tách trường trung học phổ thông'], ['registration', 'hoạt động giáo dục nghề nghiệp']],
  },
  {
    id: 'vanbang', code: 'G09-VB11', name: 'Văn bằng, chứng chỉ',
    fixed: ['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
      'Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp'],
    items: [],
  },
  {
    id: 'thi', code: 'G09-TH12', name: 'Thi, tuyển sinh',
    fixed: ['Đăng ký dự thi tốt nghiệp trung học phổ thông', 'Phúc khảo bài thi tốt nghiệp trung học phổ thông',
      'Xét tuyển sinh vào trường phổ thông dân tộc nội trú', 'Đặc cách tốt nghiệp trung học phổ thông'],
    items: [],
  },
  // ---------------------------------------------------------------- Y tế
  {
    id: 'kcb', code: 'G10-KB01', name: 'Khám bệnh, chữa bệnh',
    fixed: ['Cho phép áp dụng kỹ thuật mới, phương pháp mới trong khám bệnh, chữa bệnh', 'Phê duyệt danh mục kỹ thuật của cơ sở khám bệnh, chữa bệnh'],
    items: [['licence', 'giấy phép hành nghề khám bệnh, chữa bệnh'], ['licence', 'giấy phép hoạt động phòng khám đa khoa'],
      ['licence', 'giấy phép hoạt động phòng khám chuyên khoa'], ['licence', 'giấy phép hoạt động cơ sở dịch vụ y tế']],
  },
  {
    id: 'duoc', code: 'G10-DP02', name: 'Dược phẩm',
    fixed: ['Đánh giá đáp ứng thực hành tốt cơ sở bán lẻ thuốc', 'Công bố cơ sở kinh doanh có tổ chức kệ thuốc'],
    items: [['certificate', 'chứng chỉ hành nghề dược'], ['licence', 'giấy chứng nhận đủ điều kiện kinh doanh dược'],
      ['approval', 'hồ sơ đăng ký nội dung thông tin thuốc']],
  },
  {
    id: 'mypham', code: 'G10-MP03', name: 'Mỹ phẩm',
    fixed: ['Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước'],
    items: [['licence', 'giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm']],
  },
  {
    id: 'ttbyt', code: 'G10-TB04', name: 'Trang thiết bị y tế',
    fixed: ['Công bố đủ điều kiện mua bán trang thiết bị y tế thuộc loại B, C, D', 'Công bố tiêu chuẩn áp dụng đối với trang thiết bị y tế thuộc loại A, B'],
    items: [],
  },
  {
    id: 'attp-yt', code: 'G10-AT05', name: 'An toàn thực phẩm và dinh dưỡng',
    fixed: ['Đăng ký bản công bố sản phẩm nhập khẩu đối với thực phẩm dinh dưỡng y học',
      'Cấp Giấy xác nhận nội dung quảng cáo thực phẩm'],
    items: [['licence', 'giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm bảo vệ sức khỏe']],
  },
  {
    id: 'baotro', code: 'G10-BT06', name: 'Bảo trợ xã hội',
    fixed: ['Thành lập cơ sở trợ giúp xã hội công lập thuộc UBND cấp tỉnh', 'Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh'],
    items: [['licence', 'giấy phép hoạt động đối với cơ sở trợ giúp xã hội'], ['registration', 'thành lập cơ sở trợ giúp xã hội ngoài công lập']],
  },
  // ---------------------------------------------------------------- Nội vụ
  {
    id: 'congchuc', code: 'G05-CC01', name: 'Công chức, viên chức',
    fixed: ['Thi tuyển công chức', 'Xét tuyển công chức', 'Tiếp nhận vào làm công chức', 'Thi tuyển viên chức',
      'Xét tuyển viên chức', 'Thi nâng ngạch công chức', 'Xét thăng hạng chức danh nghề nghiệp viên chức'],
    items: [],
  },
  {
    id: 'tochuc', code: 'G05-TC02', name: 'Tổ chức hành chính, đơn vị sự nghiệp công lập',
    fixed: ['Thẩm định việc thành lập đơn vị sự nghiệp công lập', 'Thẩm định việc tổ chức lại, giải thể đơn vị sự nghiệp công lập'],
    items: [['approval', 'điều lệ hội'], ['licence', 'giấy phép thành lập hội']],
  },
  {
    id: 'thiduakt', code: 'G05-TD03', name: 'Thi đua, khen thưởng',
    fixed: ['Tặng Bằng khen của Chủ tịch UBND cấp tỉnh', 'Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh', 'Tặng Cờ thi đua của UBND cấp tỉnh',
      'Tặng Bằng khen của Chủ tịch UBND cấp tỉnh theo đợt, chuyên đề', 'Tặng danh hiệu Tập thể lao động xuất sắc'],
    items: [],
  },
  {
    id: 'laodong', code: 'G05-LD04', name: 'Lao động, tiền lương',
    fixed: ['Đăng ký nội quy lao động', 'Gửi thỏa ước lao động tập thể', 'Báo cáo giải trình nhu cầu sử dụng người lao động nước ngoài'],
    items: [['licence', 'giấy phép lao động cho người lao động nước ngoài'], ['licence', 'giấy phép hoạt động cho thuê lại lao động'],
      ['certificate', 'xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động']],
  },
  {
    id: 'vieclam', code: 'G05-VL05', name: 'Việc làm',
    fixed: ['Giải quyết hưởng trợ cấp thất nghiệp', 'Tạm dừng hưởng trợ cấp thất nghiệp', 'Hỗ trợ học nghề cho người đang hưởng trợ cấp thất nghiệp',
      'Chuyển nơi hưởng trợ cấp thất nghiệp'],
    items: [['licence', 'giấy phép hoạt động dịch vụ việc làm']],
  },
  {
    id: 'nguoicocong', code: 'G05-NC06', name: 'Người có công',
    fixed: ['Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', 'Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ',
      'Công nhận và giải quyết chế độ con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học', 'Di chuyển hồ sơ người có công với cách mạng',
      'Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công'],
    items: [['support', 'chế độ ưu đãi đối với thương binh']],
  },
  {
    id: 'atld', code: 'G05-AT07', name: 'An toàn, vệ sinh lao động',
    fixed: ['Khai báo với Sở khi đưa vào sử dụng các loại máy, thiết bị có yêu cầu nghiêm ngặt về an toàn lao động'],
    items: [['certificate', 'giấy chứng nhận đủ điều kiện hoạt động huấn luyện an toàn, vệ sinh lao động hạng A']],
  },
  // ---------------------------------------------------------------- Văn hóa, thể thao, du lịch
  {
    id: 'vanhoa', code: 'G12-VH01', name: 'Văn hóa cơ sở',
    fixed: ['Tổ chức lễ hội cấp tỉnh', 'Thông báo tổ chức lễ hội cấp tỉnh', 'Thẩm định nội dung văn hóa phẩm xuất khẩu'],
    items: [['licence', 'giấy phép kinh doanh dịch vụ karaoke'], ['licence', 'giấy phép kinh doanh dịch vụ vũ trường']],
  },
  {
    id: 'giadinh', code: 'G12-GD02', name: 'Gia đình',
    fixed: [],
    items: [['certificate', 'giấy chứng nhận đăng ký hoạt động của cơ sở trợ giúp nạn nhân bạo lực gia đình'],
      ['certificate', 'giấy chứng nhận nghiệp vụ chăm sóc nạn nhân bạo lực gia đình']],
  },
  {
    id: 'thethao', code: 'G12-TT03', name: 'Thể dục, thể thao',
    fixed: ['Đăng cai tổ chức giải thi đấu vô địch từng môn thể thao của tỉnh'],
    items: [['certificate', 'giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao']],
  },
  {
    id: 'dulich', code: 'G12-DL04', name: 'Du lịch',
    fixed: ['Công nhận khu du lịch cấp tỉnh', 'Công nhận điểm du lịch', 'Công nhận cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao'],
    items: [['licence', 'giấy phép kinh doanh dịch vụ lữ hành nội địa'], ['certificate', 'thẻ hướng dẫn viên du lịch']],
  },
  {
    id: 'disan', code: 'G12-DS05', name: 'Di sản văn hóa',
    fixed: ['Xếp hạng di tích cấp tỉnh', 'Cấp phép cho người Việt Nam định cư ở nước ngoài tiến hành nghiên cứu, sưu tầm di sản văn hóa phi vật thể'],
    items: [['approval', 'dự án tu bổ, phục hồi di tích'], ['certificate', 'giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật']],
  },
  {
    id: 'baochi', code: 'G12-BC06', name: 'Báo chí, xuất bản, in và phát hành',
    fixed: ['Cho phép họp báo (trong nước)', 'Đăng ký hoạt động cơ sở in', 'Cấp giấy phép xuất bản bản tin (địa phương)'],
    items: [['licence', 'giấy phép hoạt động in'], ['licence', 'giấy phép nhập khẩu xuất bản phẩm không kinh doanh']],
  },
  // ---------------------------------------------------------------- Khoa học, công nghệ
  {
    id: 'khcn', code: 'G14-KH01', name: 'Hoạt động khoa học và công nghệ',
    fixed: ['Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ', 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ'],
    items: [['certificate', 'giấy chứng nhận đăng ký hoạt động tổ chức khoa học và công nghệ']],
  },
  {
    id: 'tdc', code: 'G14-TD02', name: 'Tiêu chuẩn, đo lường, chất lượng',
    fixed: ['Đăng ký công bố hợp quy đối với các sản phẩm, hàng hóa', 'Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu'],
    items: [['certificate', 'giấy chứng nhận đăng ký hoạt động kiểm định phương tiện đo']],
  },
  {
    id: 'buxa', code: 'G14-BX03', name: 'Năng lượng nguyên tử, an toàn bức xạ và hạt nhân',
    fixed: [],
    items: [['licence', 'giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế'],
      ['certificate', 'chứng chỉ nhân viên bức xạ']],
  },
  {
    id: 'vienthong', code: 'G14-VT04', name: 'Viễn thông, bưu chính',
    fixed: ['Cấp văn bản xác nhận thông báo hoạt động bưu chính'],
    items: [['licence', 'giấy phép bưu chính'], ['licence', 'giấy phép thiết lập mạng viễn thông dùng riêng']],
  },
  // ---------------------------------------------------------------- Dân tộc, tôn giáo
  {
    id: 'tongiao', code: 'G15-TG01', name: 'Tín ngưỡng, tôn giáo',
    fixed: ['Đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc', 'Thông báo tổ chức hội nghị thường niên của tổ chức tôn giáo',
      'Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo', 'Đăng ký thuyên chuyển chức sắc, chức việc'],
    items: [['registration', 'sinh hoạt tôn giáo tập trung'], ['approval', 'việc thành lập, chia tách, sáp nhập tổ chức tôn giáo trực thuộc']],
  },
  {
    id: 'dantoc', code: 'G15-DT02', name: 'Công tác dân tộc',
    fixed: ['Công nhận người có uy tín trong đồng bào dân tộc thiểu số', 'Đưa ra khỏi danh sách người có uy tín'],
    items: [],
  },
  // ---------------------------------------------------------------- Ngoại vụ, khu công nghiệp, văn phòng
  {
    id: 'ngoaivu', code: 'G16-NV01', name: 'Công tác ngoại vụ',
    fixed: ['Cho phép tổ chức hội nghị, hội thảo quốc tế thuộc thẩm quyền của Chủ tịch UBND tỉnh', 'Xin phép cho cán bộ đi nước ngoài',
      'Cấp giấy đăng ký hoạt động dự án của tổ chức phi chính phủ nước ngoài', 'Tiếp nhận viện trợ phi chính phủ nước ngoài'],
    items: [],
  },
  {
    id: 'kcn', code: 'G17-KC01', name: 'Quản lý khu công nghiệp',
    fixed: ['Xác nhận hợp đồng, văn bản về bất động sản trong khu công nghiệp', 'Chấp thuận cho thương nhân nước ngoài thuê đất trong khu công nghiệp'],
    items: [['certificate', 'giấy chứng nhận đăng ký đầu tư dự án trong khu công nghiệp'], ['licence', 'giấy phép lao động cho người nước ngoài làm việc trong khu công nghiệp'],
      ['approval', 'báo cáo đánh giá tác động môi trường dự án trong khu công nghiệp']],
  },
  {
    id: 'khieunai', code: 'G01-KN01', name: 'Giải quyết khiếu nại, tố cáo',
    fixed: ['Giải quyết khiếu nại lần đầu tại cấp tỉnh', 'Giải quyết khiếu nại lần hai tại cấp tỉnh', 'Giải quyết tố cáo tại cấp tỉnh',
      'Tiếp công dân tại cấp tỉnh', 'Xử lý đơn tại cấp tỉnh'],
    items: [],
  },
  // ---------------------------------------------------------------- Công an
  {
    id: 'cutru', code: 'G02-CT01', name: 'Đăng ký, quản lý cư trú',
    fixed: ['Đăng ký thường trú', 'Đăng ký tạm trú', 'Xóa đăng ký thường trú', 'Khai báo tạm vắng', 'Gia hạn tạm trú', 'Xác nhận thông tin về cư trú'],
    items: [],
  },
  {
    id: 'xnc', code: 'G02-XC02', name: 'Xuất nhập cảnh',
    fixed: ['Cấp hộ chiếu phổ thông ở trong nước', 'Cấp thẻ tạm trú cho người nước ngoài', 'Gia hạn tạm trú cho người nước ngoài',
      'Cấp thị thực cho người nước ngoài tại Việt Nam', 'Khôi phục giá trị sử dụng hộ chiếu phổ thông'],
    items: [],
  },
  {
    id: 'dangkyxe', code: 'G02-DX03', name: 'Đăng ký, quản lý phương tiện giao thông',
    fixed: ['Đăng ký xe lần đầu', 'Đăng ký sang tên, di chuyển xe', 'Thu hồi giấy chứng nhận đăng ký, biển số xe', 'Đăng ký xe tạm thời'],
    items: [['certificate', 'giấy chứng nhận đăng ký xe, biển số xe']],
  },
  {
    id: 'pccc', code: 'G02-PC04', name: 'Phòng cháy, chữa cháy và cứu nạn, cứu hộ',
    fixed: ['Thẩm định thiết kế về phòng cháy và chữa cháy', 'Nghiệm thu về phòng cháy và chữa cháy', 'Phê duyệt phương án chữa cháy của cơ sở'],
    items: [['certificate', 'giấy chứng nhận đủ điều kiện kinh doanh dịch vụ phòng cháy và chữa cháy']],
  },
  {
    id: 'anninh', code: 'G02-AN05', name: 'Quản lý ngành nghề kinh doanh có điều kiện về an ninh, trật tự',
    fixed: ['Đăng ký mẫu con dấu mới', 'Đăng ký lại mẫu con dấu'],
    items: [['certificate', 'giấy chứng nhận đủ điều kiện về an ninh, trật tự']],
  },
  {
    id: 'gplx', code: 'G02-LX06', name: 'Giấy phép lái xe',
    fixed: ['Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'Cấp lại giấy phép lái xe', 'Cấp giấy phép lái xe quốc tế',
      'Sát hạch, cấp giấy phép lái xe'],
    items: [],
  },
  // ---------------------------------------------------------------- Cấp xã
  {
    id: 'hotich', code: 'G13-HT01', name: 'Hộ tịch',
    fixed: ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử', 'Đăng ký nhận cha, mẹ, con', 'Đăng ký giám hộ',
      'Đăng ký lại khai sinh', 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', 'Cấp Giấy xác nhận tình trạng hôn nhân',
      'Cấp bản sao Trích lục hộ tịch', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Đăng ký lại kết hôn', 'Đăng ký lại khai tử',
      'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
      'Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất',
      'Đăng ký chấm dứt giám hộ', 'Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài'],
    items: [],
  },
  {
    id: 'chungthuc', code: 'G13-CT02', name: 'Chứng thực',
    fixed: ['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
      'Chứng thực chữ ký trong các giấy tờ, văn bản', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
      'Chứng thực di chúc', 'Chứng thực văn bản thỏa thuận phân chia di sản', 'Chứng thực văn bản khai nhận di sản',
      'Sửa lỗi sai sót trong hợp đồng, giao dịch', 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực',
      'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch'],
    items: [],
  },
  {
    id: 'dat-xa', code: 'G11-DD12', name: 'Đất đai (cấp xã)',
    fixed: ['Hòa giải tranh chấp đất đai', 'Xác nhận nguồn gốc đất', 'Đăng ký đất đai lần đầu đối với hộ gia đình, cá nhân',
      'Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân', 'Giao đất, cho thuê đất đối với hộ gia đình, cá nhân',
      'Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật, tự nguyện trả lại đất'],
    items: [],
  },
  {
    id: 'btxh-xa', code: 'G05-BT08', name: 'Bảo trợ xã hội (cấp xã)',
    fixed: ['Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng',
      'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', 'Đổi, cấp lại Giấy xác nhận khuyết tật',
      'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm',
      'Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm', 'Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng'],
    items: [],
  },
  {
    id: 'hkd', code: 'G06-HK06', name: 'Thành lập và hoạt động của hộ kinh doanh',
    fixed: ['Đăng ký thành lập hộ kinh doanh', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Tạm ngừng hoạt động hộ kinh doanh',
      'Chấm dứt hoạt động hộ kinh doanh', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'Đăng ký thành lập hợp tác xã',
      'Đăng ký thay đổi nội dung đăng ký hợp tác xã'],
    items: [],
  },
  {
    id: 'xd-xa', code: 'G07-XD08', name: 'Xây dựng (cấp xã)',
    fixed: ['Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ',
      'Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ', 'Gia hạn giấy phép xây dựng', 'Cấp lại giấy phép xây dựng'],
    items: [],
  },
  {
    id: 'ncc-xa', code: 'G05-NC09', name: 'Người có công (cấp xã)',
    fixed: ['Giải quyết chế độ mai táng phí đối với cựu chiến binh', 'Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ trần',
      'Thăm viếng mộ liệt sĩ', 'Xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ'],
    items: [],
  },
  {
    id: 'tdkt-xa', code: 'G05-TD10', name: 'Thi đua, khen thưởng (cấp xã)',
    fixed: ['Tặng Giấy khen của Chủ tịch UBND cấp xã về thành tích thực hiện nhiệm vụ chính trị', 'Tặng danh hiệu Lao động tiên tiến',
      'Xét tặng danh hiệu Gia đình văn hóa', 'Công nhận danh hiệu Thôn, tổ dân phố văn hóa'],
    items: [],
  },
  {
    id: 'nn-xa', code: 'G11-NN13', name: 'Nông nghiệp (cấp xã)',
    fixed: ['Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh', 'Phê duyệt kế hoạch khuyến nông địa phương',
      'Xác nhận bảng kê lâm sản', 'Đăng ký khai thác gỗ rừng trồng'],
    items: [],
  },
  {
    id: 'gd-xa', code: 'G09-GD13', name: 'Giáo dục (cấp xã)',
    fixed: ['Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động', 'Thành lập trường mầm non công lập', 'Chuyển trường đối với học sinh trung học cơ sở',
      'Hỗ trợ ăn trưa đối với trẻ em mẫu giáo', 'Xét cấp hỗ trợ học tập đối với học sinh dân tộc thiểu số'],
    items: [],
  },
  {
    id: 'vh-xa', code: 'G12-VH07', name: 'Văn hóa, thông tin (cấp xã)',
    fixed: ['Thông báo tổ chức lễ hội cấp xã', 'Đăng ký tổ chức lễ hội cấp xã', 'Cấp giấy phép kinh doanh dịch vụ karaoke (cấp xã)',
      'Công nhận câu lạc bộ thể thao cơ sở'],
    items: [],
  },
  {
    id: 'tg-xa', code: 'G15-TG03', name: 'Tín ngưỡng, tôn giáo (cấp xã)',
    fixed: ['Đăng ký hoạt động tín ngưỡng', 'Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động ở một xã',
      'Đề nghị sinh hoạt tôn giáo tập trung của người nước ngoài cư trú hợp pháp'],
    items: [],
  },
  // ---------------------------------------------------------------- Cấp huyện (before 1/7/2025)
  {
    id: 'hotich-huyen', code: 'G13-HT03', name: 'Hộ tịch (cấp huyện)',
    fixed: ['Đăng ký khai sinh có yếu tố nước ngoài (cấp huyện)', 'Đăng ký kết hôn có yếu tố nước ngoài (cấp huyện)',
      'Thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc', 'Đăng ký khai tử có yếu tố nước ngoài (cấp huyện)',
      'Ghi vào Sổ hộ tịch việc kết hôn đã được giải quyết ở nước ngoài (cấp huyện)'],
    items: [],
  },
  {
    id: 'chungthuc-huyen', code: 'G13-CT04', name: 'Chứng thực (cấp huyện)',
    fixed: ['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp',
      'Chứng thực chữ ký người dịch', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản (cấp huyện)'],
    items: [],
  },
  {
    id: 'hkd-huyen', code: 'G06-HK07', name: 'Đăng ký kinh doanh (cấp huyện)',
    fixed: ['Đăng ký thành lập hộ kinh doanh (cấp huyện)', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (cấp huyện)',
      'Tạm ngừng hoạt động hộ kinh doanh (cấp huyện)', 'Chấm dứt hoạt động hộ kinh doanh (cấp huyện)', 'Đăng ký thành lập hợp tác xã (cấp huyện)'],
    items: [['licence', 'giấy phép bán lẻ rượu'], ['licence', 'giấy phép bán lẻ sản phẩm thuốc lá']],
  },
  {
    id: 'dat-huyen', code: 'G11-DD14', name: 'Đất đai (cấp huyện)',
    fixed: ['Giao đất, cho thuê đất cho hộ gia đình, cá nhân (cấp huyện)', 'Chuyển mục đích sử dụng đất (cấp huyện)',
      'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch UBND cấp huyện', 'Thu hồi đất ở trong khu vực bị ô nhiễm môi trường'],
    items: [['approval', 'phương án bồi thường, hỗ trợ, tái định cư']],
  },
  {
    id: 'xd-huyen', code: 'G07-XD09', name: 'Xây dựng (cấp huyện)',
    fixed: ['Thẩm định Báo cáo kinh tế - kỹ thuật đầu tư xây dựng (cấp huyện)', 'Cấp giấy phép xây dựng công trình cấp III, cấp IV'],
    items: [['approval', 'đồ án quy hoạch chi tiết xây dựng cấp huyện'], ['licence', 'giấy phép xây dựng có thời hạn']],
  },
  {
    id: 'gd-huyen', code: 'G09-GD14', name: 'Giáo dục (cấp huyện)',
    fixed: ['Thành lập trường trung học cơ sở công lập', 'Cho phép trường trung học cơ sở hoạt động giáo dục', 'Sáp nhập, chia, tách trường tiểu học',
      'Công nhận trường đạt chuẩn quốc gia', 'Xét tuyển sinh vào lớp 6'],
    items: [],
  },
  {
    id: 'ldtbxh-huyen', code: 'G05-LD11', name: 'Lao động, người có công, xã hội (cấp huyện)',
    fixed: ['Cấp giấy phép hoạt động cho cơ sở trợ giúp xã hội (cấp huyện)', 'Tiếp nhận đối tượng cần bảo vệ khẩn cấp vào cơ sở trợ giúp xã hội',
      'Đổi, cấp lại thẻ bảo hiểm y tế cho người có công', 'Giải quyết chế độ trợ cấp một lần đối với người có thành tích tham gia kháng chiến',
      'Chi trả trợ cấp xã hội hàng tháng khi đối tượng thay đổi nơi cư trú'],
    items: [],
  },
  {
    id: 'ytevh-huyen', code: 'G12-VH08', name: 'Y tế, văn hóa (cấp huyện)',
    fixed: ['Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (cấp huyện)', 'Công nhận xã đạt chuẩn văn hóa nông thôn mới',
      'Công nhận phường, thị trấn đạt chuẩn đô thị văn minh', 'Cấp giấy phép kinh doanh karaoke (cấp huyện)'],
    items: [],
  },
  {
    id: 'tnmt-huyen', code: 'G11-MT15', name: 'Môi trường, tài nguyên nước (cấp huyện)',
    fixed: ['Đăng ký môi trường (cấp huyện)', 'Cấp giấy phép môi trường (cấp huyện)', 'Đăng ký khai thác nước dưới đất (cấp huyện)'],
    items: [],
  },
]

/** A department: name (without the province) and the ids of its fields. */
export interface DepartmentWords {
  /** Short id, used by the volume and size tables. */
  id: string
  name: string
  fields: string[]
}

/** Departments after the 2025 mergers (two-tier local government, levels 2). */
export const DEPARTMENTS_2025: DepartmentWords[] = [
  { id: 'vp', name: 'Văn phòng UBND tỉnh', fields: ['khieunai'] },
  { id: 'noivu', name: 'Sở Nội vụ', fields: ['congchuc', 'tochuc', 'thiduakt', 'laodong', 'vieclam', 'nguoicocong', 'atld'] },
  { id: 'tuphap', name: 'Sở Tư pháp', fields: ['lltp', 'hotich-nn', 'congchung', 'luatsu', 'daugia', 'trogiup', 'giamdinh', 'quoctich', 'thuaphatlai'] },
  { id: 'taichinh', name: 'Sở Tài chính', fields: ['doanhnghiep', 'dautu', 'hoptacxa', 'congsan', 'giaca'] },
  { id: 'congthuong', name: 'Sở Công Thương', fields: ['luuthong', 'dien', 'hoachat', 'attp-ct', 'xuctien', 'khi', 'vatlieuno', 'thuongmaiqt'] },
  { id: 'nnmt', name: 'Sở Nông nghiệp và Môi trường', fields: ['datdai', 'moitruong', 'nuoc', 'khoangsan', 'trongtrot', 'channuoi', 'thuy', 'thuysan', 'lamnghiep', 'thuyloi', 'dodac'] },
  { id: 'xaydung', name: 'Sở Xây dựng', fields: ['xaydung', 'quyhoach', 'nhao', 'bds', 'duongbo', 'duongthuy'] },
  { id: 'giaoduc', name: 'Sở Giáo dục và Đào tạo', fields: ['giaoduc', 'vanbang', 'thi'] },
  { id: 'yte', name: 'Sở Y tế', fields: ['kcb', 'duoc', 'mypham', 'ttbyt', 'attp-yt', 'baotro'] },
  { id: 'vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', fields: ['vanhoa', 'giadinh', 'thethao', 'dulich', 'disan', 'baochi'] },
  { id: 'khcn', name: 'Sở Khoa học và Công nghệ', fields: ['khcn', 'tdc', 'buxa', 'vienthong'] },
  { id: 'dantoc', name: 'Sở Dân tộc và Tôn giáo', fields: ['tongiao', 'dantoc'] },
  { id: 'ngoaivu', name: 'Sở Ngoại vụ', fields: ['ngoaivu'] },
  { id: 'kcn', name: 'Ban Quản lý các khu công nghiệp', fields: ['kcn'] },
  { id: 'congan', name: 'Công an tỉnh', fields: ['cutru', 'xnc', 'dangkyxe', 'pccc', 'anninh', 'gplx'] },
]

/** Departments before the 2025 mergers (three-tier local government, levels 3). */
export const DEPARTMENTS_2024: DepartmentWords[] = [
  { id: 'vp', name: 'Văn phòng UBND tỉnh', fields: ['khieunai'] },
  { id: 'noivu', name: 'Sở Nội vụ', fields: ['congchuc', 'tochuc', 'thiduakt', 'tongiao'] },
  { id: 'tuphap', name: 'Sở Tư pháp', fields: ['lltp', 'hotich-nn', 'congchung', 'luatsu', 'daugia', 'trogiup', 'giamdinh', 'quoctich', 'thuaphatlai'] },
  { id: 'khdt', name: 'Sở Kế hoạch và Đầu tư', fields: ['doanhnghiep', 'dautu', 'hoptacxa'] },
  { id: 'taichinh', name: 'Sở Tài chính', fields: ['congsan', 'giaca'] },
  { id: 'congthuong', name: 'Sở Công Thương', fields: ['luuthong', 'dien', 'hoachat', 'attp-ct', 'xuctien', 'khi', 'vatlieuno', 'thuongmaiqt'] },
  { id: 'tnmt', name: 'Sở Tài nguyên và Môi trường', fields: ['datdai', 'moitruong', 'nuoc', 'khoangsan', 'dodac'] },
  { id: 'nnptnt', name: 'Sở Nông nghiệp và Phát triển nông thôn', fields: ['trongtrot', 'channuoi', 'thuy', 'thuysan', 'lamnghiep', 'thuyloi'] },
  { id: 'xaydung', name: 'Sở Xây dựng', fields: ['xaydung', 'quyhoach', 'nhao', 'bds'] },
  { id: 'gtvt', name: 'Sở Giao thông vận tải', fields: ['duongbo', 'duongthuy', 'gplx'] },
  { id: 'giaoduc', name: 'Sở Giáo dục và Đào tạo', fields: ['giaoduc', 'vanbang', 'thi'] },
  { id: 'yte', name: 'Sở Y tế', fields: ['kcb', 'duoc', 'mypham', 'ttbyt', 'attp-yt'] },
  { id: 'ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', fields: ['laodong', 'vieclam', 'nguoicocong', 'atld', 'baotro'] },
  { id: 'vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', fields: ['vanhoa', 'giadinh', 'thethao', 'dulich', 'disan'] },
  { id: 'khcn', name: 'Sở Khoa học và Công nghệ', fields: ['khcn', 'tdc', 'buxa'] },
  { id: 'ttt', name: 'Sở Thông tin và Truyền thông', fields: ['baochi', 'vienthong'] },
  { id: 'ngoaivu', name: 'Sở Ngoại vụ', fields: ['ngoaivu'] },
  { id: 'dantoc', name: 'Ban Dân tộc', fields: ['dantoc'] },
  { id: 'kcn', name: 'Ban Quản lý các khu công nghiệp', fields: ['kcn'] },
  { id: 'congan', name: 'Công an tỉnh', fields: ['cutru', 'xnc', 'dangkyxe', 'pccc', 'anninh'] },
]

/** Fields of commune-level procedures. */
export const COMMUNE_FIELDS = ['hotich', 'chungthuc', 'dat-xa', 'btxh-xa', 'hkd', 'xd-xa', 'ncc-xa', 'tdkt-xa', 'nn-xa', 'gd-xa', 'vh-xa', 'tg-xa']
/** Fields of commune-level procedures before 1/7/2025 (business, building and land were district matters). */
export const COMMUNE_FIELDS_2024 = ['hotich', 'chungthuc', 'dat-xa', 'btxh-xa', 'ncc-xa', 'tdkt-xa', 'nn-xa', 'vh-xa', 'tg-xa']
/** Fields of district-level procedures (levels 3 only). */
export const DISTRICT_FIELDS = ['hotich-huyen', 'chungthuc-huyen', 'hkd-huyen', 'dat-huyen', 'xd-huyen', 'gd-huyen', 'ldtbxh-huyen', 'ytevh-huyen', 'tnmt-huyen']

/** Commune procedures of electronic certified copies (4.6), with `electronicCertification: true`. */
export const ELECTRONIC_CERTIFICATION_PROCEDURES = [
  'Chứng thực bản sao điện tử từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
  'Chứng thực bản sao điện tử từ bản chính giấy tờ, văn bản song ngữ',
]

/** District names (huyện, thị xã, thành phố) of the levels-3 province. */
export const DISTRICT_NAMES = [
  'Lạc Hà', 'Thanh Yên', 'Phù Lâm', 'Đông Khê', 'Tân Kỳ Sơn', 'Hưng Lộc', 'Vĩnh Bảo An', 'Cẩm Nguyên', 'Bình Lương',
  'Hòa Vang Sơn', 'Trường Xuân', 'Mỹ Đức Hòa',
]

/** Commune (xã) names. */
export const COMMUNE_NAMES = [
  'An Bình', 'An Khang', 'An Lạc', 'An Phú', 'An Thịnh', 'Bảo Yên', 'Bình Thuận', 'Bình Minh', 'Cao Mại', 'Cẩm Đàn',
  'Chân Sơn', 'Chí Minh', 'Cự Thắng', 'Dân Tiến', 'Đại Phong', 'Đạo Lý', 'Đông Lĩnh', 'Đồng Tâm', 'Đức Thắng', 'Gia Điền',
  'Hà Lương', 'Hạ Sơn', 'Hiền Đa', 'Hòa Bình Thượng', 'Hoàng Xá', 'Hồng Đà', 'Hợp Nhất', 'Hương Nộn', 'Hùng Lô', 'Kim Đức',
  'Khải Xuân', 'Lam Sơn', 'Lang Quán', 'Liên Hoa', 'Long Phú', 'Lương Phong', 'Mai Tùng', 'Minh Côi', 'Minh Tân', 'Mỹ Lung',
  'Nghĩa Phương', 'Ngọc Lập', 'Nhật Tiến', 'Ninh Dân', 'Phong Vân', 'Phú Nham', 'Phúc Khánh', 'Phương Xá', 'Quang Húc', 'Quảng Hưng',
  'Sơn Vi', 'Sơn Thủy', 'Tạ Xá', 'Tam Hưng', 'Tân Dân', 'Tân Phương', 'Tây Hòa', 'Thạch Khoán', 'Thái Ninh', 'Thanh Hưng',
  'Thọ Sơn', 'Thượng Nông', 'Thụy Liễu', 'Tiên Du', 'Tiến Thành', 'Trung Giáp', 'Trung Nghĩa', 'Tuy Lộc', 'Tứ Mỹ', 'Văn Khúc',
  'Văn Lương', 'Vĩnh Lại', 'Vô Tranh', 'Xuân Áng', 'Xuân Lộc Sơn', 'Xương Thịnh', 'Yên Bình Hạ', 'Yên Luật', 'Yên Nội', 'Yên Tập',
  'Bằng Doãn', 'Ca Đình', 'Chương Xá', 'Đan Hà', 'Đoan Bái', 'Đỗ Xuyên', 'Gia Thanh', 'Hiền Lợi', 'Hưng Hóa Đông', 'Kiệt Sơn',
  'Lai Hòa', 'Lệ Mỹ', 'Minh Lương', 'Năng Yên', 'Ngọc Quan', 'Phú Lộc Thượng', 'Quế Lâm', 'Sai Nga', 'Tân Long', 'Thắng Sơn',
  'Thu Ngạc', 'Trạm Hà', 'Tùng Khê', 'Vạn Thắng', 'Vân Hội', 'Võ Lao', 'Xuân Thủy', 'Yển Khê', 'Đồng Xuân', 'Phượng Vĩ',
  'Tề Sơn', 'Hậu Bổng', 'Mạn Lạn', 'Ninh Xá', 'Phùng Xá', 'Sóc Đăng', 'Tinh Nhuệ', 'Vụ Cầu', 'Yên Kiện', 'Chuế Lưu',
]

/** Ward (phường) names. */
export const WARD_NAMES = [
  'Minh Sơn', 'Minh Khai', 'Tân Dân', 'Quang Trung', 'Trần Phú', 'Hùng Vương', 'Bạch Hạc', 'Thọ Xương', 'Gia Cẩm', 'Tiên Cát',
  'Nông Trang Đông', 'Dữu Lâu', 'Vân Cơ', 'Thanh Vinh', 'Hòa Phong', 'Hồng Châu', 'Bình Khê', 'Trường Thịnh', 'Phú Hòa', 'Nam Sơn',
  'Bắc Sơn', 'Đông Hải', 'Tây Đô', 'Hà Thạch', 'Âu Lạc', 'Văn Lang Mới', 'Cát Linh', 'Hòa Lạc', 'Ngọc Trạo', 'Thành Công',
]

/** Family names, with rough shares. */
export const FAMILY_NAMES: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 2], ['Phan', 4], ['Vũ', 4], ['Võ', 2],
  ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 1], ['Ngô', 1.5], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1.5], ['Trịnh', 1],
  ['Đào', 1], ['Mai', 0.5], ['Cao', 0.5], ['Lương', 0.5], ['Hà', 1], ['Tạ', 0.5], ['Kiều', 0.5], ['Triệu', 0.3], ['Tô', 0.3],
]

/** Middle names of men. */
export const MIDDLE_NAMES_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Thành', 'Ngọc', 'Xuân', 'Tiến', 'Mạnh', 'Anh', 'Trung', 'Gia']
/** Middle names of women. */
export const MIDDLE_NAMES_FEMALE = ['Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Kim', 'Phương', 'Hồng', 'Minh', 'Bảo', 'Diệu', 'Khánh']
/** Given names of men. */
export const GIVEN_NAMES_MALE = [
  'An', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Kiên', 'Lâm',
  'Long', 'Mạnh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Toàn',
]
/** Given names of women. */
export const GIVEN_NAMES_FEMALE = [
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Linh', 'Loan', 'Mai', 'My',
  'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến', 'Hòa',
]

/** Legal forms of organisations (ChuHoSo of business dossiers). */
export const COMPANY_FORMS = ['Công ty TNHH', 'Công ty TNHH MTV', 'Công ty Cổ phần', 'Hợp tác xã', 'Doanh nghiệp tư nhân']
/** Business lines in company names. */
export const COMPANY_SECTORS = [
  'Xây dựng', 'Thương mại và Dịch vụ', 'Đầu tư Phát triển', 'Vận tải', 'Nông sản', 'Môi trường', 'Công nghệ', 'Dược phẩm',
  'Giáo dục', 'Du lịch', 'Cơ khí', 'Thực phẩm', 'Xuất nhập khẩu', 'Vật liệu xây dựng', 'Năng lượng',
]
/** Brand words in company names. */
export const COMPANY_BRANDS = [
  'Minh An', 'Phú Gia', 'Hưng Thịnh', 'Thành Đạt', 'An Phát', 'Đại Việt', 'Hoàng Long', 'Sao Mai', 'Tân Tiến', 'Bình Minh',
  'Việt Hưng', 'Kim Ngân', 'Trường Sơn', 'Hồng Hà', 'Thái Bình Dương', 'Ngọc Lan', 'Phương Đông', 'Quang Minh', 'Đông Á', 'Lạc Hồng',
]

/** Names of submitted components (TaiLieuNop.TenTepDinhKem). */
export const COMPONENT_NAMES = [
  'Đơn đề nghị', 'Tờ khai theo mẫu', 'Bản sao Căn cước công dân', 'Giấy ủy quyền', 'Bản sao giấy tờ chứng minh quyền sử dụng đất',
  'Bản vẽ thiết kế', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp', 'Văn bản đề nghị của tổ chức', 'Bản chính giấy tờ cần chứng thực',
  'Giấy xác nhận tình trạng hôn nhân', 'Giấy chứng sinh', 'Sơ yếu lý lịch', 'Báo cáo kết quả thực hiện', 'Hồ sơ kỹ thuật',
  'Bản sao văn bằng, chứng chỉ', 'Giấy khám sức khỏe', 'Hợp đồng', 'Biên lai nộp phí',
]

/** Result document names keyed by a word of the procedure name; the first match wins. */
export const RESULT_NAMES: [string, string][] = [
  ['kết hôn', 'Giấy chứng nhận kết hôn'], ['khai sinh', 'Giấy khai sinh'], ['khai tử', 'Trích lục khai tử'],
  ['lý lịch tư pháp', 'Phiếu lý lịch tư pháp'], ['Chứng thực', 'Bản sao có chứng thực'], ['giấy phép', 'Giấy phép'],
  ['Giấy phép', 'Giấy phép'], ['Giấy chứng nhận', 'Giấy chứng nhận'], ['giấy chứng nhận', 'Giấy chứng nhận'],
  ['chứng chỉ', 'Chứng chỉ'], ['Đăng ký', 'Giấy xác nhận đăng ký'], ['Thẩm định', 'Văn bản thẩm định'],
  ['Phê duyệt', 'Quyết định phê duyệt'], ['Tặng', 'Quyết định khen thưởng'],
]
/** Result name when no keyword matches. */
export const RESULT_NAME_DEFAULT = 'Văn bản kết quả giải quyết thủ tục hành chính'

/** Fee name prefixes (TenPhiLePhi = prefix + procedure name, lower-cased first letter). */
export const FEE_PREFIXES = ['Lệ phí ', 'Phí thẩm định ', 'Phí ']

/** Supplement request contents (NoiDungBoSung). */
export const SUPPLEMENT_CONTENTS = [
  'Bổ sung bản sao giấy tờ tùy thân', 'Bổ sung bản vẽ mặt bằng', 'Hoàn thiện tờ khai theo mẫu', 'Bổ sung giấy tờ chứng minh quyền sử dụng đất',
  'Bổ sung văn bản ủy quyền', 'Bổ sung chữ ký của người đề nghị', 'Nộp bản chính để đối chiếu', 'Bổ sung báo cáo kỹ thuật',
]

/** Staff of a department (titles and offices). */
export const DEPARTMENT_STAFF = {
  desk: { office: 'Bộ phận một cửa', title: 'Chuyên viên' },
  specialist: { offices: ['Phòng chuyên môn', 'Phòng Quản lý nghiệp vụ', 'Phòng Hành chính - Tổng hợp', 'Văn phòng Sở'], titles: ['Chuyên viên', 'Phó Trưởng phòng', 'Trưởng phòng'] },
  leader: { office: 'Lãnh đạo Sở', titles: ['Phó Giám đốc', 'Giám đốc'] },
}
/** Staff of a commune or district. */
export const COMMUNE_STAFF = {
  desk: { office: 'Bộ phận một cửa', title: 'Công chức một cửa' },
  specialist: { offices: ['Công chức Tư pháp - Hộ tịch', 'Công chức Địa chính - Xây dựng', 'Công chức Văn hóa - Xã hội', 'Phòng Kinh tế'], titles: ['Công chức', 'Chuyên viên'] },
  leader: { office: 'Lãnh đạo UBND', titles: ['Phó Chủ tịch UBND', 'Chủ tịch UBND'] },
}

/** Processing-step wording (NoiDungXuLy) by step kind. */
export const STEP_TEXTS = {
  receive: 'Tiếp nhận hồ sơ',
  forward: 'Chuyển hồ sơ đến bộ phận chuyên môn',
  review: ['Thẩm định hồ sơ', 'Xem xét, xử lý hồ sơ', 'Kiểm tra thực địa'],
  supplement: 'Yêu cầu bổ sung hồ sơ',
  resume: 'Tiếp nhận hồ sơ bổ sung, tiếp tục xử lý',
  submit: 'Trình lãnh đạo ký duyệt',
  sign: 'Ký duyệt kết quả',
  returned: 'Trả kết quả cho công dân, tổ chức',
  refuse: 'Từ chối tiếp nhận hồ sơ do không đủ điều kiện',
  withdraw: 'Công dân đề nghị rút hồ sơ',
  stop: 'Dừng xử lý hồ sơ',
  fee: 'Yêu cầu thực hiện nghĩa vụ tài chính',
}

/** Name prefixes of administrative units. */
export const UNIT_PREFIXES = {
  province: 'UBND tỉnh',
  city: 'UBND thành phố',
  town: 'UBND thị xã',
  district: 'UBND huyện',
  commune: 'UBND xã',
  ward: 'UBND phường',
  townlet: 'UBND thị trấn',
}

/** Suffix of department names, as the portal shows them ("Sở Xây dựng - Tỉnh Phú Thọ"); also used to tell clashing names apart. */
export const PROVINCE_SUFFIX = ` - Tỉnh ${PROVINCE_NAME}`

/**
 * Procedures that receive far more dossiers than the rest: a substring of the name and its relative
 * weight (the long tail of other procedures weighs at most 1).
 */
export const POPULAR_PROCEDURES: [string, number][] = [
  ['Chứng thực bản sao từ bản chính', 25], ['Cấp phiếu lý lịch tư pháp cho công dân', 30],
  ['Đăng ký biến động quyền sử dụng đất', 30], ['Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận', 12],
  ['Giải quyết hưởng trợ cấp thất nghiệp', 14], ['Đăng ký khai sinh', 14], ['Chứng thực chữ ký', 10],
  ['Đổi giấy phép lái xe', 14], ['Đăng ký thường trú', 8], ['Đăng ký tạm trú', 6], ['Đăng ký kết hôn', 6],
  ['Cấp Giấy xác nhận tình trạng hôn nhân', 8], ['Chứng thực hợp đồng', 6], ['Đăng ký khai tử', 4],
  ['Đăng ký thành lập hộ kinh doanh', 6], ['Đăng ký thành lập công ty', 4], ['Cấp bản sao văn bằng', 4],
  ['Đăng ký xe', 6], ['Cấp bản sao Trích lục', 5], ['Cấp hộ chiếu', 6], ['Cấp giấy phép xây dựng', 4],
  ['Chứng thực bản sao điện tử', 6], ['Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 3],
]

/** Procedures whose names start with this are handled within hours (chứng thực: same day). */
export const HOURLY_PROCEDURE_PREFIX = 'Chứng thực'

/** Miscellaneous dossier wording. */
export const DOSSIER_WORDS = {
  /** A component the applicant removed (IsDeleted "True"). */
  deletedComponent: 'Tệp đính kèm nộp nhầm',
  /** Second fee line of some fee dossiers. */
  copyFee: 'Phí cấp bản sao kết quả',
  /** Suffix of electronic result names. */
  electronicResult: ' (bản điện tử)',
  /** ThongTinTiepNhan of a completed supplement, followed by the office. */
  supplementReceivedAt: 'Tiếp nhận tại ',
}
