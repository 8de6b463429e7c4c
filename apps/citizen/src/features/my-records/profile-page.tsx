import {
  currentUnitsLine,
  formatPartialDate,
  genderLabelsEn,
  genderLabelsVi,
  type MyProfile,
} from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { EidLinkSection } from '../eid/eid-link-section'
import { devicesPath, passwordPath, useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import { Fact, RecordItem, RecordsPage, StoredRecordContent } from './record-parts'
import { RecordsSubjectProvider, useRecordsSubject } from './subject'
import { type ChildAccount, useChildAccounts } from './subject-switch'
import { useStoredRecord } from './use-stored-record'

/**
 * "Quản lý cá nhân": who the signed-in person is and how the agency reaches them, the children's
 * accounts they hold, the link to the national e-ID, and the account's own settings. Always the
 * person's own profile: a child chosen on the other screens is not shown here, so the screens inside
 * get a subject of their own.
 */
export function ProfilePage() {
  const { t } = useTranslation()
  const { setSubject } = useRecordsSubject()
  const navigate = useNavigate()
  const { signOut } = useCitizenSession()
  const children = useChildAccounts()

  function viewChild(child: ChildAccount) {
    setSubject({ kind: 'child', childId: child.id })
    void navigate('/participation')
  }

  return (
    <RecordsPage title={t('services.profile.title')}>
      <RecordsSubjectProvider>
        <OwnProfile />
      </RecordsSubjectProvider>
      {children.length > 0 ? (
        <section className="records-section" aria-labelledby="records-children">
          <h2 id="records-children" className="records-heading">
            {t('records.profile.children')}
          </h2>
          <ul className="records-list">
            {children.map((child) => (
              <RecordItem
                key={child.id}
                title={child.fullName}
                footer={
                  <button
                    type="button"
                    className="as-button as-button--secondary records-item__action"
                    onClick={() => viewChild(child)}
                  >
                    {t('records.profile.viewChild', { name: child.fullName })}
                  </button>
                }
              >
                <PersonFacts person={child} />
              </RecordItem>
            ))}
          </ul>
        </section>
      ) : null}
      <EidLinkSection />
      <section className="records-section" aria-labelledby="records-account">
        <h2 id="records-account" className="records-heading">
          {t('records.profile.account')}
        </h2>
        <ul className="records-links">
          <li>
            <Link to={devicesPath}>{t('security.devices.title')}</Link>
          </li>
          <li>
            <Link to={passwordPath}>{t('security.change.title')}</Link>
          </li>
        </ul>
        <button type="button" className="as-button as-button--secondary" onClick={() => void signOut()}>
          {t('account.signOut')}
        </button>
      </section>
    </RecordsPage>
  )
}

function OwnProfile() {
  const { t } = useTranslation()
  const { state, reload } = useStoredRecord('profile')
  return (
    <StoredRecordContent state={state} reload={reload} offlineEmpty={t('records.profile.offlineEmpty')}>
      {(profile) => (
        <section className="records-card" aria-labelledby="records-person">
          <h2 id="records-person" className="records-heading">
            {t('records.profile.personal')}
          </h2>
          <dl className="records-facts">
            {profile.personalId ? (
              <Fact label={t('records.profile.personalId')} numeric>
                {profile.personalId}
              </Fact>
            ) : null}
            <PersonFacts person={profile} withName />
            {profile.legacyIdNumber ? (
              <Fact label={t('records.profile.legacyIdNumber')} numeric>
                {profile.legacyIdNumber}
              </Fact>
            ) : null}
            <Fact label={t('records.profile.phone')} numeric>
              {profile.phone ?? t('records.profile.none')}
            </Fact>
            <Fact label={t('records.profile.email')}>{profile.email ?? t('records.profile.none')}</Fact>
            <Fact label={t('records.profile.address')}>{profile.address}</Fact>
            {profile.currentUnits ? (
              <Fact label={t('records.profile.currentUnits')}>
                {currentUnitsLine(profile.currentUnits, t('records.profile.currentUnitsOr'))}
              </Fact>
            ) : null}
          </dl>
          <p className="records-note">{t('records.profile.changeHint')}</p>
        </section>
      )}
    </StoredRecordContent>
  )
}

/** Code, (name,) birth and gender: what the profile and each child's entry share. */
function PersonFacts({
  person,
  withName = false,
}: {
  person: Pick<MyProfile, 'bhxhCode' | 'fullName' | 'birth' | 'gender'>
  withName?: boolean
}) {
  const { t } = useTranslation()
  const genderLabels = useLanguage() === 'en' ? genderLabelsEn : genderLabelsVi
  return (
    <>
      <Fact label={t('records.profile.bhxhCode')} numeric>
        {person.bhxhCode}
      </Fact>
      {withName ? <Fact label={t('records.profile.fullName')}>{person.fullName}</Fact> : null}
      <Fact label={t('records.profile.birth')} numeric>
        {formatPartialDate(person.birth)}
      </Fact>
      <Fact label={t('records.profile.gender')}>{genderLabels[person.gender]}</Fact>
    </>
  )
}
