import type { Random } from './prng'
import { weightedPicker } from './prng'

/**
 * Vietnamese names, family name first, in NFC with new-style tone placement ("Hòa", "Thủy").
 * Frequencies follow published surname surveys (Nguyễn ≈ 38 %); Hoàng/Huỳnh and Vũ/Võ are the same
 * names written differently in the north and the south.
 */

// biome-ignore format: a frequency table
const familyNames = weightedPicker<string>([
  ['Nguyễn', 38.4], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7.1], ['Hoàng', 5.1], ['Phan', 4.5], ['Vũ', 3.9],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.8], ['Đoàn', 0.7], ['Trương', 0.7], ['Lâm', 0.6], ['Mai', 0.6], ['Trịnh', 0.6], ['Cao', 0.5],
  ['Lương', 0.5], ['Hà', 0.5], ['Tạ', 0.3], ['Tô', 0.3], ['Châu', 0.3], ['Lưu', 0.3], ['Phùng', 0.3],
  ['Thái', 0.3], ['La', 0.2], ['Quách', 0.2], ['Kiều', 0.2], ['Chu', 0.2], ['Vương', 0.2], ['Từ', 0.2],
  ['Triệu', 0.2], ['Nông', 0.2], ['Giang', 0.2], ['Tăng', 0.1], ['Mạc', 0.1], ['Khúc', 0.1], ['Thân', 0.1],
  ['Lò', 0.1], ['Hứa', 0.1], ['Diệp', 0.1], ['Âu', 0.1], ['Khổng', 0.1], ['Kim', 0.1], ['Ông', 0.1],
])

/** A family name; in the south Hoàng is mostly written Huỳnh and Vũ mostly Võ. */
export function pickFamilyName(random: Random, southern: boolean): string {
  const name = familyNames.pick(random)
  if (name === 'Hoàng' && random.chance(southern ? 0.8 : 0.1)) return 'Huỳnh'
  if (name === 'Vũ' && random.chance(southern ? 0.85 : 0.15)) return 'Võ'
  return name
}

// biome-ignore format: word lists
const maleGiven = weightedPicker<string>([
  ['Anh', 6], ['Minh', 5], ['Hùng', 4], ['Dũng', 4], ['Tuấn', 4], ['Hải', 3.5], ['Nam', 3.5], ['Long', 3],
  ['Huy', 3], ['Quân', 2.5], ['Đức', 2.5], ['Thắng', 2.5], ['Sơn', 2.5], ['Trung', 2.5], ['Hiếu', 2],
  ['Phúc', 2], ['Khang', 2], ['Bảo', 2], ['Khoa', 2], ['Tài', 2], ['Phong', 2], ['Thành', 2], ['Vinh', 2],
  ['Cường', 2], ['Tú', 1.5], ['Đạt', 1.5], ['Kiên', 1.5], ['Lộc', 1.5], ['Tâm', 1.5], ['Nghĩa', 1.5],
  ['Toàn', 1.5], ['Thịnh', 1.5], ['Trí', 1.5], ['Hưng', 1.5], ['Nhân', 1.5], ['Quang', 1.5], ['An', 1.5],
  ['Hoàng', 1.5], ['Khánh', 1.5], ['Tùng', 1.5], ['Việt', 1.5], ['Bình', 1.5], ['Duy', 1.5], ['Hậu', 1],
  ['Sang', 1], ['Tín', 1], ['Thuận', 1], ['Lợi', 1], ['Hòa', 1], ['Lâm', 1], ['Phát', 1], ['Thái', 1],
  ['Thông', 1], ['Chiến', 1], ['Mạnh', 1], ['Hiệp', 1], ['Tiến', 1], ['Thanh', 1], ['Đông', 1], ['Quý', 1],
])
// biome-ignore format: word lists
const femaleGiven = weightedPicker<string>([
  ['Anh', 5], ['Linh', 5], ['Hương', 4], ['Lan', 3.5], ['Hoa', 3], ['Mai', 3.5], ['Trang', 4], ['Thảo', 4],
  ['Hà', 3], ['Ngọc', 3], ['Nhung', 2.5], ['Huyền', 3], ['Hằng', 3], ['Thủy', 3], ['Phương', 3], ['Yến', 2.5],
  ['Nga', 2.5], ['Hạnh', 2.5], ['Loan', 2], ['Tuyết', 2], ['Dung', 2], ['Hiền', 2.5], ['Vân', 2], ['Oanh', 1.5],
  ['Trinh', 1.5], ['Vy', 2.5], ['Nhi', 2.5], ['Chi', 2], ['My', 2], ['Quỳnh', 2], ['Giang', 2], ['Thư', 2],
  ['Ngân', 2], ['Uyên', 1.5], ['Thu', 2], ['Hồng', 2], ['Diệp', 1], ['Tâm', 1.5], ['Châu', 1], ['Diễm', 1],
  ['Lành', 0.5], ['Xuân', 1], ['Bích', 1], ['Liên', 1.5], ['Nhàn', 1], ['Thơm', 0.5], ['Tú', 1], ['Hân', 1.5],
  ['An', 1.5], ['Khánh', 1], ['Thanh', 1.5], ['Trâm', 1.5], ['Duyên', 1.5], ['Lụa', 0.5], ['Gấm', 0.3],
])
// biome-ignore format: word lists
const maleMiddle = weightedPicker<string>([
  ['Minh', 6], ['Hữu', 4], ['Đức', 5], ['Quang', 4], ['Công', 3], ['Thành', 3], ['Xuân', 2], ['Ngọc', 2],
  ['Thanh', 3], ['Hoàng', 3], ['Gia', 3], ['Anh', 2], ['Tuấn', 2], ['Quốc', 3], ['Trọng', 2], ['Đình', 3],
  ['Bá', 1], ['Tấn', 2], ['Duy', 2], ['Trung', 2], ['Việt', 2], ['Huy', 1.5], ['Hải', 1.5], ['Nhật', 1.5],
])
// biome-ignore format: word lists
const femaleMiddle = weightedPicker<string>([
  ['Ngọc', 6], ['Thanh', 4], ['Thu', 4], ['Minh', 3], ['Phương', 3], ['Hồng', 3], ['Kim', 3], ['Mỹ', 2.5],
  ['Bảo', 2.5], ['Khánh', 2], ['Diệu', 1.5], ['Hoài', 1.5], ['Thùy', 2.5], ['Quỳnh', 1.5], ['Hải', 1.5],
  ['Lan', 1.5], ['Bích', 1.5], ['Tuyết', 1], ['Mai', 1.5], ['Gia', 1.5], ['Như', 1.5], ['Tường', 1],
])

export type Gender = 'male' | 'female'

/**
 * Middle and given name. Văn and Thị dominate among people born before 1980 and fade after 2000,
 * when two-word middle names ("Ngọc Bảo", "Gia") become common.
 */
export function pickPersonalName(random: Random, gender: Gender, birthYear: number): string {
  const male = gender === 'male'
  const era = birthYear < 1980 ? 0 : birthYear < 2000 ? 1 : 2
  const classic = male ? [0.45, 0.25, 0.08][era] : [0.8, 0.5, 0.15][era]
  const doubleMiddle = era === 2 ? 0.2 : 0.04
  const given = (male ? maleGiven : femaleGiven).pick(random)
  const middlePicker = male ? maleMiddle : femaleMiddle
  let middle = random.chance(classic ?? 0) ? (male ? 'Văn' : 'Thị') : middlePicker.pick(random)
  if (middle === given) middle = male ? 'Văn' : 'Thị'
  if (random.chance(doubleMiddle)) {
    const second = middlePicker.pick(random)
    if (second !== middle && second !== given) middle = `${middle} ${second}`
  }
  return `${middle} ${given}`
}
