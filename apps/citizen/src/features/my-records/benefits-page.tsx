import { formatDateVi } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { Fact, MoneyFact, RecordItem, RecordsEmpty, SubjectRecordPage } from './record-parts'

/** "Thông tin hưởng": every benefit paid, newest first, with its period, amount and paying office. */
export function BenefitsPage() {
  const { t } = useTranslation()
  return (
    <SubjectRecordPage view="benefits" title={t('services.benefits.title')}>
      {({ items }) =>
        items.length === 0 ? (
          <RecordsEmpty title={t('records.benefits.empty')} hint={t('records.benefits.emptyHint')} />
        ) : (
          <ol className="records-list" aria-label={t('records.benefits.listLabel')}>
            {items.map((item) => (
              <RecordItem
                key={`${item.kind}-${item.fromDate}`}
                title={t(`records.benefits.kinds.${item.kind}`)}
              >
                <Fact label={t('records.benefits.period')} numeric>
                  {item.toDate === null
                    ? t('records.benefits.since', { date: formatDateVi(item.fromDate) })
                    : `${formatDateVi(item.fromDate)} – ${formatDateVi(item.toDate)}`}
                </Fact>
                <MoneyFact
                  label={t(item.perMonth ? 'records.benefits.amountPerMonth' : 'records.benefits.amount')}
                  amount={item.amount}
                  unit={item.perMonth ? t('records.benefits.perMonth') : ''}
                />
                <Fact label={t('records.benefits.paidOn')} numeric>
                  {item.paidOn ? formatDateVi(item.paidOn) : t('records.benefits.notPaid')}
                </Fact>
                {item.office ? <Fact label={t('records.benefits.office')}>{item.office.name}</Fact> : null}
              </RecordItem>
            ))}
          </ol>
        )
      }
    </SubjectRecordPage>
  )
}
