/**
 * Error codes shared by the server and both apps. The server answers
 * `{ error: { code, message, fields? } }` (see `ApiError` in schemas); the apps translate by code.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  OtpInvalid: 'OTP_INVALID',
  OtpExpired: 'OTP_EXPIRED',
  OtpAttemptsExceeded: 'OTP_ATTEMPTS_EXCEEDED',
  PasswordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  DeviceChangeOtpRequired: 'DEVICE_CHANGE_OTP_REQUIRED',
  SignedInElsewhere: 'SIGNED_IN_ELSEWHERE',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export const errorMessagesVi: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.',
  UNAUTHENTICATED: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy thông tin yêu cầu.',
  CONFLICT: 'Thông tin đã thay đổi hoặc đã tồn tại. Vui lòng tải lại và thử lại.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  RATE_LIMITED: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau ít phút.',
  INTERNAL: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
  SERVICE_UNAVAILABLE: 'Hệ thống đang bảo trì hoặc quá tải. Vui lòng thử lại sau.',
  OTP_INVALID: 'Mã OTP không đúng. Vui lòng kiểm tra lại.',
  OTP_EXPIRED: 'Mã OTP đã hết hiệu lực. Vui lòng bấm "Gửi lại mã" để nhận mã mới.',
  OTP_ATTEMPTS_EXCEEDED: 'Bạn đã nhập sai mã OTP quá số lần cho phép. Vui lòng gửi lại hồ sơ để nhận mã mới.',
  PASSWORD_CHANGE_REQUIRED: 'Vui lòng đổi mật khẩu được cấp trước khi tiếp tục làm việc.',
  DEVICE_CHANGE_OTP_REQUIRED:
    'Tài khoản đang đăng nhập trên một thiết bị khác. Nếu tiếp tục, mã OTP sẽ được gửi tới số điện thoại đã đăng ký và thiết bị kia sẽ bị đăng xuất.',
  SIGNED_IN_ELSEWHERE:
    'Tài khoản của bạn vừa đăng nhập trên thiết bị khác. Nếu không phải bạn, hãy đăng nhập lại và đổi mật khẩu ngay.',
}

export const errorMessagesEn: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Some information is not valid. Please check the highlighted fields.',
  UNAUTHENTICATED: 'You are not signed in or your session has expired. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'The requested information was not found.',
  CONFLICT: 'The information has changed or already exists. Please reload and try again.',
  PAYLOAD_TOO_LARGE: 'The data sent is too large.',
  RATE_LIMITED: 'Too many attempts. Please try again in a few minutes.',
  INTERNAL: 'Something went wrong on our side. Please try again later.',
  SERVICE_UNAVAILABLE: 'The service is under maintenance or overloaded. Please try again later.',
  OTP_INVALID: 'The OTP is not correct. Please check it.',
  OTP_EXPIRED: 'The OTP has expired. Press "Send again" to get a new one.',
  OTP_ATTEMPTS_EXCEEDED:
    'The OTP was entered wrongly too many times. Please submit the form again to get a new one.',
  PASSWORD_CHANGE_REQUIRED: 'Please change the password you were given before you continue.',
  DEVICE_CHANGE_OTP_REQUIRED:
    'Your account is signed in on another device. If you continue, an OTP is sent to your registered phone and the other device is signed out.',
  SIGNED_IN_ELSEWHERE:
    'Your account has just been signed in on another device. If it was not you, sign in again and change your password at once.',
}

/** One table from code to HTTP status, so that every route answers the same way. */
export const errorHttpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  OTP_INVALID: 400,
  OTP_EXPIRED: 410,
  OTP_ATTEMPTS_EXCEEDED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  DEVICE_CHANGE_OTP_REQUIRED: 409,
  SIGNED_IN_ELSEWHERE: 401,
}

/** Codes carried by `Parsed` failures of this package's parsers. */
export const ParseErrorCode = {
  InvalidPersonalId: 'INVALID_PERSONAL_ID',
  InvalidLegacyIdNumber: 'INVALID_LEGACY_ID_NUMBER',
  InvalidPassportNumber: 'INVALID_PASSPORT_NUMBER',
  InvalidBhxhCode: 'INVALID_BHXH_CODE',
  InvalidHealthCardNumber: 'INVALID_HEALTH_CARD_NUMBER',
  UnknownHealthCardGroup: 'UNKNOWN_HEALTH_CARD_GROUP',
  InvalidMobilePhone: 'INVALID_MOBILE_PHONE',
  InvalidEmail: 'INVALID_EMAIL',
  InvalidFacilityCode: 'INVALID_FACILITY_CODE',
  InvalidOfficeCode: 'INVALID_OFFICE_CODE',
  InvalidIcd10Code: 'INVALID_ICD10_CODE',
  InvalidGender: 'INVALID_GENDER',
  InvalidDate: 'INVALID_DATE',
  DateInFuture: 'DATE_IN_FUTURE',
  DateTooEarly: 'DATE_TOO_EARLY',
  InvalidMonth: 'INVALID_MONTH',
  InvalidAmount: 'INVALID_AMOUNT',
  InvalidQrPayload: 'INVALID_QR_PAYLOAD',
  UnsupportedQrLayout: 'UNSUPPORTED_QR_LAYOUT',
} as const
export type ParseErrorCode = (typeof ParseErrorCode)[keyof typeof ParseErrorCode]

/** Generic Vietnamese text per parse code; parsers may return a more specific message. */
export const parseErrorMessagesVi: Record<ParseErrorCode, string> = {
  INVALID_PERSONAL_ID: 'Số định danh cá nhân (CCCD) phải gồm 12 chữ số.',
  INVALID_LEGACY_ID_NUMBER: 'Số CMND phải gồm 9 chữ số.',
  INVALID_PASSPORT_NUMBER: 'Số hộ chiếu không hợp lệ.',
  INVALID_BHXH_CODE: 'Mã số BHXH phải gồm 10 chữ số.',
  INVALID_HEALTH_CARD_NUMBER: 'Mã thẻ BHYT không hợp lệ.',
  UNKNOWN_HEALTH_CARD_GROUP: 'Mã đối tượng trên thẻ BHYT không có trong danh mục.',
  INVALID_MOBILE_PHONE: 'Số điện thoại di động không hợp lệ.',
  INVALID_EMAIL: 'Địa chỉ email không hợp lệ.',
  INVALID_FACILITY_CODE: 'Mã cơ sở khám chữa bệnh không hợp lệ.',
  INVALID_OFFICE_CODE: 'Mã cơ quan BHXH không hợp lệ.',
  INVALID_ICD10_CODE: 'Mã bệnh ICD-10 không hợp lệ.',
  INVALID_GENDER: 'Giới tính không hợp lệ.',
  INVALID_DATE: 'Ngày không hợp lệ.',
  DATE_IN_FUTURE: 'Ngày không được sau ngày hôm nay.',
  DATE_TOO_EARLY: 'Ngày quá xa trong quá khứ.',
  INVALID_MONTH: 'Tháng không hợp lệ.',
  INVALID_AMOUNT: 'Số tiền không hợp lệ.',
  INVALID_QR_PAYLOAD: 'Không đọc được mã QR.',
  UNSUPPORTED_QR_LAYOUT: 'Định dạng mã QR không được hỗ trợ.',
}

export const parseErrorMessagesEn: Record<ParseErrorCode, string> = {
  INVALID_PERSONAL_ID: 'The personal ID number (CCCD) must have 12 digits.',
  INVALID_LEGACY_ID_NUMBER: 'The old ID card (CMND) number must have 9 digits.',
  INVALID_PASSPORT_NUMBER: 'The passport number is not valid.',
  INVALID_BHXH_CODE: 'The social-insurance code must have 10 digits.',
  INVALID_HEALTH_CARD_NUMBER: 'The health-insurance card number is not valid.',
  UNKNOWN_HEALTH_CARD_GROUP: 'The participant group on the health-insurance card is not in the list.',
  INVALID_MOBILE_PHONE: 'The mobile phone number is not valid.',
  INVALID_EMAIL: 'The email address is not valid.',
  INVALID_FACILITY_CODE: 'The medical facility code is not valid.',
  INVALID_OFFICE_CODE: 'The social-insurance office code is not valid.',
  INVALID_ICD10_CODE: 'The ICD-10 code is not valid.',
  INVALID_GENDER: 'The gender is not valid.',
  INVALID_DATE: 'The date is not valid.',
  DATE_IN_FUTURE: 'The date cannot be after today.',
  DATE_TOO_EARLY: 'The date is too far in the past.',
  INVALID_MONTH: 'The month is not valid.',
  INVALID_AMOUNT: 'The amount is not valid.',
  INVALID_QR_PAYLOAD: 'The QR code could not be read.',
  UNSUPPORTED_QR_LAYOUT: 'This QR code layout is not supported.',
}
