import {
  type AdoptionDay,
  formatDateVi,
  formatPercent,
  formatPercentValue,
  memberRoleLabels,
} from '@ansinh/domain'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../session/session'
import { type ChartSeries, chartGeometry, chartSeries, defaultFrame, sharesOf, shortDate } from './chart'
import { WideTable } from './scroll-frame'

/**
 * "Tiến độ theo thời gian": the registered share day by day, in total and by member role, as a line
 * chart drawn by hand in SVG (an image with a name and a summary for assistive technology), and the
 * same figures in a table below it, folded.
 */
export function AdoptionChart({
  history,
  target,
}: {
  history: readonly AdoptionDay[]
  target: number | null
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const ids = { title: useId(), summary: useId() }
  const points = sharesOf(history)
  const geometry = chartGeometry(points, target)
  const { width, height, left, right, top, bottom } = defaultFrame
  const first = points[0]
  const last = points.at(-1)
  const labelOf = (series: ChartSeries) =>
    series === 'total' ? t('organisations.report.total') : memberRoleLabels[language][series]

  if (!first || !last) return <p>{t('organisations.chart.empty')}</p>
  return (
    <>
      <svg
        className="organisations__chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.summary}
      >
        <title id={ids.title}>{t('organisations.chart.title')}</title>
        <desc id={ids.summary}>
          {t('organisations.chart.summary', {
            from: formatDateVi(first.date),
            to: formatDateVi(last.date),
            first: formatPercentValue(first.total),
            last: formatPercentValue(last.total),
          })}
        </desc>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value} className="organisations__chart-grid">
            <line x1={left} x2={width - right} y1={tick.y} y2={tick.y} />
            <text x={left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
              {`${tick.value} %`}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick) => (
          <text
            key={tick.date}
            className="organisations__chart-axis"
            x={tick.x}
            y={height - bottom + 20}
            textAnchor="middle"
          >
            {shortDate(tick.date)}
          </text>
        ))}
        {geometry.targetY !== null && (
          <line
            className="organisations__chart-target"
            x1={left}
            x2={width - right}
            y1={geometry.targetY}
            y2={geometry.targetY}
          />
        )}
        {chartSeries.map((series) => (
          <g key={series} className={`organisations__series organisations__series--${series}`}>
            <path d={geometry.lines[series]} fill="none" />
            {geometry.last && <circle cx={geometry.last[series].x} cy={geometry.last[series].y} r={4} />}
          </g>
        ))}
        <rect x={left} y={top} width={width - left - right} height={height - top - bottom} fill="none" />
      </svg>
      <ul className="organisations__legend" aria-hidden="true">
        {chartSeries.map((series) => (
          <li key={series}>
            <span className={`organisations__swatch organisations__swatch--${series}`} /> {labelOf(series)}
          </li>
        ))}
        {target !== null && (
          <li>
            <span className="organisations__swatch organisations__swatch--target" />{' '}
            {t('organisations.chart.target', { percent: formatPercentValue(target) })}
          </li>
        )}
      </ul>
      <details className="organisations__chart-data">
        <summary>{t('organisations.chart.table')}</summary>
        <WideTable
          caption={t('organisations.chart.title')}
          captionHidden
          columns={[t('organisations.chart.date'), ...chartSeries.map(labelOf)]}
        >
          {history.map((day) => (
            <tr key={day.date}>
              <td>{formatDateVi(day.date)}</td>
              <td>
                {formatPercent(
                  day.staff.registered + day.pupil.registered,
                  day.staff.members + day.pupil.members,
                )}
              </td>
              <td>{formatPercent(day.staff.registered, day.staff.members)}</td>
              <td>{formatPercent(day.pupil.registered, day.pupil.members)}</td>
            </tr>
          ))}
        </WideTable>
      </details>
    </>
  )
}
