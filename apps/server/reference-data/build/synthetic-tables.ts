/**
 * Hand-made tables behind the synthetic offices, facilities and collection agents. Coordinates are
 * approximate (the centre of each old province's capital, rounded to ~1 km) and phone area codes
 * are the landline codes in use since 2017; everything else built from them is invented.
 */

export type OldProvince = {
  /** Name of the district-level unit that is the provincial capital (tỉnh lỵ), as in the 2004–2025 data. */
  capital: string
  latitude: number
  longitude: number
  /** Landline area code (mã vùng). */
  areaCode: string
}

// The 63 provinces of 2004–2025, keyed by GSO code.
export const oldProvinces: Record<string, OldProvince> = {
  '01': { capital: 'Hoàn Kiếm', latitude: 21.0285, longitude: 105.8542, areaCode: '024' },
  '02': { capital: 'Hà Giang', latitude: 22.8233, longitude: 104.9836, areaCode: '0219' },
  '04': { capital: 'Cao Bằng', latitude: 22.6657, longitude: 106.2577, areaCode: '0206' },
  '06': { capital: 'Bắc Kạn', latitude: 22.147, longitude: 105.8348, areaCode: '0209' },
  '08': { capital: 'Tuyên Quang', latitude: 21.8236, longitude: 105.214, areaCode: '0207' },
  '10': { capital: 'Lào Cai', latitude: 22.4856, longitude: 103.9707, areaCode: '0214' },
  '11': { capital: 'Điện Biên Phủ', latitude: 21.386, longitude: 103.023, areaCode: '0215' },
  '12': { capital: 'Lai Châu', latitude: 22.3964, longitude: 103.4582, areaCode: '0213' },
  '14': { capital: 'Sơn La', latitude: 21.327, longitude: 103.9141, areaCode: '0212' },
  '15': { capital: 'Yên Bái', latitude: 21.7229, longitude: 104.9113, areaCode: '0216' },
  '17': { capital: 'Hòa Bình', latitude: 20.8171, longitude: 105.3376, areaCode: '0218' },
  '19': { capital: 'Thái Nguyên', latitude: 21.5942, longitude: 105.8482, areaCode: '0208' },
  '20': { capital: 'Lạng Sơn', latitude: 21.8537, longitude: 106.7615, areaCode: '0205' },
  '22': { capital: 'Hạ Long', latitude: 20.9712, longitude: 107.0448, areaCode: '0203' },
  '24': { capital: 'Bắc Giang', latitude: 21.2731, longitude: 106.1946, areaCode: '0204' },
  '25': { capital: 'Việt Trì', latitude: 21.3227, longitude: 105.4019, areaCode: '0210' },
  '26': { capital: 'Vĩnh Yên', latitude: 21.3089, longitude: 105.6049, areaCode: '0211' },
  '27': { capital: 'Bắc Ninh', latitude: 21.1861, longitude: 106.0763, areaCode: '0222' },
  '30': { capital: 'Hải Dương', latitude: 20.9373, longitude: 106.3146, areaCode: '0220' },
  '31': { capital: 'Hồng Bàng', latitude: 20.8612, longitude: 106.6797, areaCode: '0225' },
  '33': { capital: 'Hưng Yên', latitude: 20.6464, longitude: 106.0511, areaCode: '0221' },
  '34': { capital: 'Thái Bình', latitude: 20.4463, longitude: 106.3366, areaCode: '0227' },
  '35': { capital: 'Phủ Lý', latitude: 20.5411, longitude: 105.9139, areaCode: '0226' },
  '36': { capital: 'Nam Định', latitude: 20.42, longitude: 106.1683, areaCode: '0228' },
  '37': { capital: 'Hoa Lư', latitude: 20.2506, longitude: 105.9745, areaCode: '0229' },
  '38': { capital: 'Thanh Hóa', latitude: 19.8067, longitude: 105.7852, areaCode: '0237' },
  '40': { capital: 'Vinh', latitude: 18.6796, longitude: 105.6813, areaCode: '0238' },
  '42': { capital: 'Hà Tĩnh', latitude: 18.3428, longitude: 105.9057, areaCode: '0239' },
  '44': { capital: 'Đồng Hới', latitude: 17.4689, longitude: 106.6223, areaCode: '0232' },
  '45': { capital: 'Đông Hà', latitude: 16.8163, longitude: 107.1003, areaCode: '0233' },
  '46': { capital: 'Thuận Hóa', latitude: 16.4637, longitude: 107.5909, areaCode: '0234' },
  '48': { capital: 'Hải Châu', latitude: 16.0544, longitude: 108.2022, areaCode: '0236' },
  '49': { capital: 'Tam Kỳ', latitude: 15.5736, longitude: 108.474, areaCode: '0235' },
  '51': { capital: 'Quảng Ngãi', latitude: 15.1214, longitude: 108.8044, areaCode: '0255' },
  '52': { capital: 'Quy Nhơn', latitude: 13.7765, longitude: 109.2237, areaCode: '0256' },
  '54': { capital: 'Tuy Hòa', latitude: 13.0955, longitude: 109.3209, areaCode: '0257' },
  '56': { capital: 'Nha Trang', latitude: 12.2388, longitude: 109.1967, areaCode: '0258' },
  '58': { capital: 'Phan Rang-Tháp Chàm', latitude: 11.5646, longitude: 108.9886, areaCode: '0259' },
  '60': { capital: 'Phan Thiết', latitude: 10.9289, longitude: 108.1021, areaCode: '0252' },
  '62': { capital: 'Kon Tum', latitude: 14.3497, longitude: 108.0005, areaCode: '0260' },
  '64': { capital: 'Pleiku', latitude: 13.9833, longitude: 108.0, areaCode: '0269' },
  '66': { capital: 'Buôn Ma Thuột', latitude: 12.6667, longitude: 108.05, areaCode: '0262' },
  '67': { capital: 'Gia Nghĩa', latitude: 12.0042, longitude: 107.6907, areaCode: '0261' },
  '68': { capital: 'Đà Lạt', latitude: 11.9404, longitude: 108.4583, areaCode: '0263' },
  '70': { capital: 'Đồng Xoài', latitude: 11.5349, longitude: 106.8832, areaCode: '0271' },
  '72': { capital: 'Tây Ninh', latitude: 11.31, longitude: 106.0983, areaCode: '0276' },
  '74': { capital: 'Thủ Dầu Một', latitude: 10.9804, longitude: 106.6519, areaCode: '0274' },
  '75': { capital: 'Biên Hòa', latitude: 10.9574, longitude: 106.8426, areaCode: '0251' },
  '77': { capital: 'Bà Rịa', latitude: 10.4963, longitude: 107.1684, areaCode: '0254' },
  '79': { capital: 'Phú Nhuận', latitude: 10.7994, longitude: 106.6803, areaCode: '028' },
  '80': { capital: 'Tân An', latitude: 10.5359, longitude: 106.4137, areaCode: '0272' },
  '82': { capital: 'Mỹ Tho', latitude: 10.36, longitude: 106.36, areaCode: '0273' },
  '83': { capital: 'Bến Tre', latitude: 10.2433, longitude: 106.3756, areaCode: '0275' },
  '84': { capital: 'Trà Vinh', latitude: 9.9347, longitude: 106.3453, areaCode: '0294' },
  '86': { capital: 'Vĩnh Long', latitude: 10.2537, longitude: 105.9722, areaCode: '0270' },
  '87': { capital: 'Cao Lãnh', latitude: 10.4603, longitude: 105.6329, areaCode: '0277' },
  '89': { capital: 'Long Xuyên', latitude: 10.3864, longitude: 105.4352, areaCode: '0296' },
  '91': { capital: 'Rạch Giá', latitude: 10.0125, longitude: 105.0809, areaCode: '0297' },
  '92': { capital: 'Ninh Kiều', latitude: 10.0452, longitude: 105.7469, areaCode: '0292' },
  '93': { capital: 'Vị Thanh', latitude: 9.7845, longitude: 105.4701, areaCode: '0293' },
  '94': { capital: 'Sóc Trăng', latitude: 9.6025, longitude: 105.9739, areaCode: '0299' },
  '95': { capital: 'Bạc Liêu', latitude: 9.2941, longitude: 105.7278, areaCode: '0291' },
  '96': { capital: 'Cà Mau', latitude: 9.1769, longitude: 105.1524, areaCode: '0290' },
}

/** Provinces created on 1 Jan 2004 (split from Đắk Lắk and Cần Thơ); their offices start then. */
export const provincesCreated2004 = new Set(['67', '93'])

/**
 * Grassroots-office numbers that follow the numbering seen in practice (DATA-FORMATS §7.1): the
 * position of the district in the GSO district-code list of the time, including districts since
 * merged away. Hà Nội: 01–09 and 31 (Bắc Từ Liêm, split off in 2013 and numbered last) are
 * attested, 10–29 follow the same rule and are inferred. HCMC: 15 (Quận 5) and 16 (Quận 6) are
 * attested; they fall out of the code list 760…778 with the pre-2021 Quận 2 (769), Quận 9 (763) and
 * Quận Thủ Đức (762), so Thành phố Thủ Đức (which took code 769) gets number 10.
 * Everywhere else: the position of the district in the current code list (synthetic).
 */
export const officeNumberOverrides: Record<string, Record<string, number>> = {
  '01': {
    '001': 1,
    '002': 2,
    '003': 3,
    '004': 4,
    '005': 5,
    '006': 6,
    '007': 7,
    '008': 8,
    '009': 9,
    '016': 10,
    '017': 11,
    '018': 12,
    '019': 13,
    '020': 14,
    '250': 15,
    '268': 16,
    '269': 17,
    '271': 18,
    '272': 19,
    '273': 20,
    '274': 21,
    '275': 22,
    '276': 23,
    '277': 24,
    '278': 25,
    '279': 26,
    '280': 27,
    '281': 28,
    '282': 29,
    '021': 31,
  },
  '79': {
    '760': 1,
    '761': 2,
    '764': 5,
    '765': 6,
    '766': 7,
    '767': 8,
    '768': 9,
    '769': 10,
    '770': 11,
    '771': 12,
    '772': 13,
    '773': 14,
    '774': 15,
    '775': 16,
    '776': 17,
    '777': 18,
    '778': 19,
    '783': 20,
    '784': 21,
    '785': 22,
    '786': 23,
    '787': 24,
  },
}

/** Island districts with no permanent civilian population: no office, no district hospital. */
export const districtsWithoutServices = new Set(['471', '498'])

/** Phone numbers printed in the seed documents (VssID guides of 2021–2023). */
export const knownOfficePhones: Record<string, string> = {
  '07915': '028 3950 8860',
  '07916': '028 3854 3385',
  '092': '0292 3891 112',
}

export const centralOffice = {
  code: '000',
  name: 'BHXH Việt Nam',
  address: 'Số 7 Tràng Thi, Phường Hoàn Kiếm, Thành phố Hà Nội',
  phone: '1900 9068',
  latitude: 21.0254,
  longitude: 105.8477,
  validFrom: '1995-10-01',
}

export type CentralHospital = {
  code: string
  name: string
  district: string
  /** Old (2004–2025) commune the hospital stands in, when known; else the district's first commune. */
  commune?: string
  street: string
}

// Central (tuyến trung ương) hospitals. The names and street addresses are public facts; the codes
// are synthetic (PP9nn) because no licensed list of KCB codes exists.
export const centralHospitals: CentralHospital[] = [
  {
    code: '01901',
    name: 'Bệnh viện Bạch Mai',
    district: 'Đống Đa',
    commune: 'Phương Mai',
    street: '78 Giải Phóng',
  },
  {
    code: '01902',
    name: 'Bệnh viện Hữu nghị Việt Đức',
    district: 'Hoàn Kiếm',
    commune: 'Hàng Bông',
    street: '40 Tràng Thi',
  },
  { code: '01903', name: 'Bệnh viện K', district: 'Thanh Trì', commune: 'Tân Triều', street: '30 Cầu Bươu' },
  {
    code: '01904',
    name: 'Bệnh viện Nhi Trung ương',
    district: 'Đống Đa',
    commune: 'Láng Thượng',
    street: '18/879 La Thành',
  },
  {
    code: '01905',
    name: 'Bệnh viện Phụ sản Trung ương',
    district: 'Hoàn Kiếm',
    commune: 'Hàng Bông',
    street: '43 Tràng Thi',
  },
  {
    code: '01906',
    name: 'Bệnh viện Mắt Trung ương',
    district: 'Hai Bà Trưng',
    commune: 'Nguyễn Du',
    street: '85 Bà Triệu',
  },
  { code: '01907', name: 'Bệnh viện Hữu Nghị', district: 'Hai Bà Trưng', street: '1 Trần Khánh Dư' },
  { code: '01908', name: 'Bệnh viện E', district: 'Cầu Giấy', commune: 'Nghĩa Tân', street: '89 Trần Cung' },
  {
    code: '01909',
    name: 'Bệnh viện Phổi Trung ương',
    district: 'Ba Đình',
    commune: 'Vĩnh Phúc',
    street: '463 Hoàng Hoa Thám',
  },
  {
    code: '01910',
    name: 'Bệnh viện Lão khoa Trung ương',
    district: 'Đống Đa',
    commune: 'Phương Mai',
    street: '1A Phương Mai',
  },
  {
    code: '01911',
    name: 'Bệnh viện Da liễu Trung ương',
    district: 'Đống Đa',
    commune: 'Phương Mai',
    street: '15A Phương Mai',
  },
  {
    code: '01912',
    name: 'Bệnh viện Bệnh Nhiệt đới Trung ương',
    district: 'Đông Anh',
    commune: 'Kim Chung',
    street: 'Thôn Bầu',
  },
  {
    code: '01913',
    name: 'Bệnh viện Tai Mũi Họng Trung ương',
    district: 'Đống Đa',
    commune: 'Phương Mai',
    street: '78 Giải Phóng',
  },
  {
    code: '01914',
    name: 'Bệnh viện Răng Hàm Mặt Trung ương Hà Nội',
    district: 'Hoàn Kiếm',
    commune: 'Hàng Bông',
    street: '40B Tràng Thi',
  },
  {
    code: '01915',
    name: 'Bệnh viện Y học cổ truyền Trung ương',
    district: 'Hai Bà Trưng',
    commune: 'Nguyễn Du',
    street: '29 Nguyễn Bỉnh Khiêm',
  },
  { code: '01916', name: 'Bệnh viện Châm cứu Trung ương', district: 'Đống Đa', street: '49 Thái Thịnh' },
  {
    code: '01917',
    name: 'Bệnh viện Nội tiết Trung ương',
    district: 'Thanh Trì',
    commune: 'Tứ Hiệp',
    street: 'Ngõ 215 Ngọc Hồi',
  },
  { code: '79901', name: 'Bệnh viện Chợ Rẫy', district: '5', street: '201B Nguyễn Chí Thanh' },
  { code: '79902', name: 'Bệnh viện Thống Nhất', district: 'Tân Bình', street: '1 Lý Thường Kiệt' },
  {
    code: '79903',
    name: 'Bệnh viện Răng Hàm Mặt Trung ương TP. Hồ Chí Minh',
    district: '5',
    street: '201A Nguyễn Chí Thanh',
  },
  { code: '46901', name: 'Bệnh viện Trung ương Huế', district: 'Thuận Hóa', street: '16 Lê Lợi' },
  { code: '48901', name: 'Bệnh viện C Đà Nẵng', district: 'Hải Châu', street: '122 Hải Phòng' },
  {
    code: '19901',
    name: 'Bệnh viện Trung ương Thái Nguyên',
    district: 'Thái Nguyên',
    street: '479 Lương Ngọc Quyến',
  },
  {
    code: '49901',
    name: 'Bệnh viện Đa khoa Trung ương Quảng Nam',
    district: 'Núi Thành',
    commune: 'Tam Hiệp',
    street: 'Thôn Tân Thạnh',
  },
  {
    code: '92901',
    name: 'Bệnh viện Đa khoa Trung ương Cần Thơ',
    district: 'Ninh Kiều',
    street: '315 Nguyễn Văn Linh',
  },
]

/** Well-known names of the main provincial hospitals in the big cities; elsewhere names are generic. */
export const provincialHospitalNames: Record<string, [general: string, maternity: string]> = {
  '01': ['Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Phụ sản Hà Nội'],
  '31': ['Bệnh viện Hữu nghị Việt Tiệp', 'Bệnh viện Phụ sản Hải Phòng'],
  '48': ['Bệnh viện Đà Nẵng', 'Bệnh viện Phụ sản – Nhi Đà Nẵng'],
  '79': ['Bệnh viện Nhân dân Gia Định', 'Bệnh viện Từ Dũ'],
  '92': ['Bệnh viện Đa khoa thành phố Cần Thơ', 'Bệnh viện Phụ sản thành phố Cần Thơ'],
}

/** Invented private clinic names (phòng khám đa khoa), two per big city. */
export const privateClinics: Record<string, string[]> = {
  '01': ['Phòng khám Đa khoa An Khang', 'Phòng khám Đa khoa Thành Công'],
  '31': ['Phòng khám Đa khoa Hải Hà'],
  '48': ['Phòng khám Đa khoa Sông Hàn'],
  '79': ['Phòng khám Đa khoa Phước Thịnh', 'Phòng khám Đa khoa Sài Gòn Xanh'],
  '92': ['Phòng khám Đa khoa Tây Đô'],
}

export const streetNames = [
  'Trần Hưng Đạo',
  'Lê Lợi',
  'Hùng Vương',
  'Quang Trung',
  'Lý Thường Kiệt',
  'Hai Bà Trưng',
  'Nguyễn Trãi',
  'Lê Duẩn',
  'Trần Phú',
  'Nguyễn Du',
  'Phan Đình Phùng',
  'Điện Biên Phủ',
  'Lê Hồng Phong',
  'Nguyễn Văn Cừ',
  'Võ Thị Sáu',
  'Ngô Quyền',
  'Bà Triệu',
  'Hoàng Văn Thụ',
  'Nguyễn Thị Minh Khai',
  'Trường Chinh',
  'Lê Thánh Tông',
  'Phan Chu Trinh',
  'Nguyễn Tất Thành',
  'Cách Mạng Tháng Tám',
  'Lý Thái Tổ',
  'Nguyễn Huệ',
  'Tôn Đức Thắng',
  'Lạc Long Quân',
]
