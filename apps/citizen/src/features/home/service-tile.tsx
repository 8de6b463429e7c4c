import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ServiceIcon } from './service-icon'
import type { Service } from './services'

/**
 * A big tile whose whole surface opens the service. The link itself holds only the title (its name,
 * short when read in a list of nine, and equal to its visible text); its `::after` stretches over the
 * tile. The longer description, shown on wide screens, describes the link.
 */
export function ServiceTile({ service }: { service: Service }) {
  const { t } = useTranslation()
  const descriptionId = useId()
  return (
    <div className="service-tile" data-service={service.id}>
      <span className="service-tile__icon">
        <ServiceIcon id={service.id} />
      </span>
      <span className="service-tile__text">
        <Link to={service.path} className="service-tile__link" aria-describedby={descriptionId}>
          {t(`services.${service.id}.title`)}
        </Link>
        <span id={descriptionId} className="service-tile__description">
          {t(`services.${service.id}.description`)}
        </span>
      </span>
    </div>
  )
}
