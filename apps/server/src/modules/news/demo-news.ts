import { type NewsCategory, NewsStatus, newsSlugOf } from '@ansinh/domain'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import type { Deps } from '../../app'
import { staffAccounts } from '../../db/schema'
import { processPhoto } from '../registration/photos'
import { stagePhoto } from '../registration/stored-photos'
import { demoAccounts } from '../registry/demo-population/well-known'
import { keepNewsImage } from './edit-news'
import { renderArticle } from './render-article'
import { insertArticle } from './repo'

/**
 * Three published articles on a fresh demo, written by the demo editor from facts of DOMAIN.md, so
 * that "Tin tức" shows something before anyone writes. Each says it is sample content.
 */
const demoArticles: {
  title: string
  category: NewsCategory
  summary: string
  body: string
  cover?: string
}[] = [
  {
    title: 'Số định danh cá nhân được dùng thay mã số BHXH từ ngày 01/8/2025',
    category: 'policy',
    summary:
      'Người tham gia dùng số định danh cá nhân (số CCCD 12 chữ số) để đăng nhập, tra cứu và làm thủ tục; mã số BHXH vẫn được chấp nhận.',
    body: [
      '*Bài viết mẫu của bản demo An Sinh.*',
      '## Điều gì thay đổi',
      'Từ ngày 01/8/2025, số định danh cá nhân là mã định danh của người tham gia bảo hiểm xã hội, bảo hiểm y tế. Mã số BHXH gồm 10 chữ số vẫn được chấp nhận khi đăng nhập và tra cứu.',
      '## Người tham gia cần làm gì',
      '- Kiểm tra số định danh cá nhân trong mục **Thông tin cá nhân** của ứng dụng.\n- Nếu chưa đúng, gửi yêu cầu thay đổi thông tin trong mục **Dịch vụ công**.',
    ].join('\n\n'),
    cover: '#0b5cad',
  },
  {
    title: 'Cảnh giác với các cuộc gọi mạo danh cơ quan Bảo hiểm xã hội',
    category: 'announcement',
    summary:
      'Cơ quan BHXH không bao giờ gọi điện yêu cầu cung cấp mật khẩu, mã OTP hay chuyển tiền. Tổng đài chính thức duy nhất là 1900 9068.',
    body: [
      '*Bài viết mẫu của bản demo An Sinh.*',
      'Thời gian qua xuất hiện nhiều số điện thoại trả phí tự xưng là tổng đài hỗ trợ của cơ quan Bảo hiểm xã hội.',
      '## Ghi nhớ',
      '- Không cung cấp mật khẩu hoặc mã OTP cho bất kỳ ai.\n- Tổng đài chính thức: **1900 9068**.\n- Khi nghi ngờ, gửi phản ánh trong mục **Hỗ trợ** của ứng dụng.',
    ].join('\n\n'),
  },
  {
    title: 'Hướng dẫn xem thẻ BHYT điện tử trên ứng dụng khi không có mạng',
    category: 'guidance',
    summary:
      'Thẻ BHYT điện tử được lưu trên điện thoại sau lần mở đầu tiên, nên vẫn xuất trình được tại cơ sở khám chữa bệnh khi mất kết nối.',
    body: [
      '*Bài viết mẫu của bản demo An Sinh.*',
      '1. Đăng nhập và mở mục **Thẻ BHYT** khi có mạng.\n2. Khi mất kết nối, mở lại mục này: thẻ hiển thị như lần tải gần nhất, kèm thời gian cập nhật.\n3. Xuất trình mã QR trên thẻ cho cơ sở khám chữa bệnh.',
    ].join('\n\n'),
    cover: '#1e8449',
  },
]

export async function publishDemoNews(deps: Deps): Promise<void> {
  const editorAccount = demoAccounts.staff.find((account) => account.role === 'news_editor')
  if (!editorAccount) return
  const db = deps.database.db
  const [editor] = await db
    .select({ id: staffAccounts.id, officeCode: staffAccounts.officeCode })
    .from(staffAccounts)
    .where(eq(staffAccounts.username, editorAccount.username))
  if (!editor) return
  const publishedAt = deps.clock()
  for (const [index, article] of demoArticles.entries()) {
    const cover = article.cover
      ? await stagePhoto(deps, await processPhoto(await demoCover(article.cover)))
      : null
    await db.transaction(async (tx) => {
      const image = cover
        ? await keepNewsImage(tx, cover, { officeCode: editor.officeCode, uploadedBy: editor.id })
        : null
      await insertArticle(tx, {
        slug: newsSlugOf(article.title),
        status: NewsStatus.Published,
        category: article.category,
        title: article.title,
        summary: article.summary,
        body: article.body,
        bodyHtml: renderArticle(article.body).html,
        coverImageId: image?.id ?? null,
        coverAlt: image ? 'Hình minh họa của bản demo' : null,
        officeCode: editor.officeCode,
        createdBy: editor.id,
        updatedBy: editor.id,
        // A minute apart, newest last in the list above.
        publishedAt: new Date(publishedAt.getTime() - (demoArticles.length - index) * 60_000),
        updatedAt: new Date(publishedAt.getTime() - (demoArticles.length - index) * 60_000),
      })
    })
  }
}

/** A plain illustration: a coloured field with the app's shapes and "DEMO". */
async function demoCover(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <rect width="1200" height="630" fill="${colour}"/>
    <circle cx="980" cy="140" r="220" fill="#ffffff" opacity="0.12"/>
    <circle cx="180" cy="560" r="260" fill="#ffffff" opacity="0.08"/>
    <text x="600" y="350" font-family="DejaVu Sans, sans-serif" font-size="120" fill="#ffffff" opacity="0.6" text-anchor="middle">DEMO</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg().toBuffer()
}
