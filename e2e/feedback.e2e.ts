import type { FeedbackReceipt } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  field,
  heading,
  notice,
  signIn,
  waitForMessage,
  withStaffContext,
} from './support/staff'

// Journey (issue 8, "Phản ánh kiến nghị"): on a phone, without an account, someone sends feedback
// about their participation history to BHXH TP. Hồ Chí Minh and gets the tracking code on screen and
// by SMS; the HCM office administrator finds it under "Phản ánh" in the back-office, opens it and
// answers; the person looks it up by code and phone and reads the answer.

const phone = '0909123456'
const content =
  'Quá trình tham gia BHXH tháng 03/2026 của tôi chưa được cập nhật trên ứng dụng, dù công ty đã đóng.'
const answer =
  'Đơn vị của bạn đã bổ sung quá trình tham gia tháng 03/2026. Thông tin sẽ cập nhật trong 5 ngày làm việc.'

describe.skipIf(!hasChromium())('feedback: sent on a phone, answered by the office, read by code', () => {
  const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

  it('phone → back-office → phone', async () => {
    await withPhone(running, async (page, phoneContext) => {
      await page.goto('/support/feedback')
      await heading(page, 'Phản ánh kiến nghị')

      // Sending an empty form names what is missing and sends nothing.
      await button(page, 'Gửi phản ánh').click()
      await page.locator('#reg-content-error').waitFor()

      await page.getByLabel('Lĩnh vực phản ánh').selectOption('participation')
      await field(page, 'Nội dung phản ánh').fill(content)
      await field(page, 'Họ và tên').fill('Trần Thị Phản Ánh')
      await field(page, 'Số điện thoại di động').fill(phone)
      await page.getByLabel('Tỉnh/thành phố').selectOption('79')
      await expectNoSeriousViolations(page, 'feedback form')
      const sent = page.waitForResponse(
        (response) => new URL(response.url()).pathname === '/api/v1/feedback' && response.status() === 201,
      )
      await button(page, 'Gửi phản ánh').click()
      const receipt = (await (await sent).json()) as FeedbackReceipt
      expect(receipt.office.code).toBe('079')
      await heading(page, 'Đã gửi phản ánh', 2)
      await page.getByText(receipt.code, { exact: true }).waitFor()
      const sms = await waitForMessage(phoneContext.request, phone, ['feedback_received'])
      expect(sms.text).toContain(receipt.code)

      // The look-up before the answer: received, waiting.
      await page.getByRole('link', { name: 'Tra cứu phản ánh' }).click()
      await heading(page, 'Tra cứu phản ánh')
      await page.getByText('Phản ánh đang chờ cơ quan BHXH trả lời.').waitFor()

      // The HCM office administrator answers it in "Phản ánh".
      await withStaffContext(running.browser, running.server.baseUrl, async (staffPage) => {
        await signIn(staffPage, demoStaff.hcmAdmin)
        await staffPage.getByRole('link', { name: 'Phản ánh', exact: true }).click()
        await heading(staffPage, 'Phản ánh kiến nghị')
        await field(staffPage, 'Từ khóa').fill(receipt.code)
        await button(staffPage, 'Tra cứu').click()
        await staffPage.getByRole('link', { name: `Xem phản ánh ${receipt.code}` }).click()
        await heading(staffPage, `Phản ánh ${receipt.code}`)
        await staffPage.getByText(content, { exact: true }).waitFor()
        await expectNoSeriousViolations(staffPage, 'feedback detail')
        await field(staffPage, 'Nội dung trả lời').fill(answer)
        await button(staffPage, 'Gửi trả lời').click()
        await notice(staffPage, 'Đã gửi câu trả lời cho người phản ánh.')
        await staffPage.getByText('Đã trả lời', { exact: true }).first().waitFor()
      })
      const told = await waitForMessage(phoneContext.request, phone, ['feedback_answered'])
      expect(told.text).toContain(receipt.code)

      // The person reads the answer by code and phone, typed in lower case this time.
      await page.goto('/support/feedback/status')
      await heading(page, 'Tra cứu phản ánh')
      await field(page, 'Mã phản ánh').fill(receipt.code.toLowerCase())
      await field(page, 'Số điện thoại di động').fill(phone)
      await button(page, 'Tra cứu').click()
      await page.getByText(answer, { exact: true }).waitFor()
      await page.getByText('Đã trả lời', { exact: true }).waitFor()
      await expectNoSeriousViolations(page, 'feedback answer')

      // A wrong phone learns nothing.
      await field(page, 'Số điện thoại di động').fill('0909000000')
      await button(page, 'Tra cứu').click()
      await page
        .getByText('Không tìm thấy phản ánh với mã và số điện thoại này. Vui lòng kiểm tra lại.')
        .waitFor()
    })
  })
})
