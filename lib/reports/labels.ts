import type { Translate } from '@/lib/i18n/reader-language';
import type { ChartLabels } from './charts';
import type { ReportLabels } from './tables';

/**
 * The reports' words in the reader's language, from the `reports` catalog (`t` looks up full
 * keys); Debitura's words (states, close codes) from the one `vocabulary` catalog.
 */
export function reportLabels(t: Translate): { table: ReportLabels; chart: ChartLabels } {
  return {
    table: {
      title: (key) => t(`reports.report.${key}.title`),
      note: (key) => t(`reports.report.${key}.note`),
      column: (key) => t(`reports.column.${key}`),
      allInGroup: t('reports.allInGroup'),
      notAssignedYet: t('reports.notAssignedYet'),
      currencyNotKnown: t('reports.currencyNotKnown'),
      wholeAgency: t('reports.deadlines.agency'),
      unassigned: t('reports.deadlines.unassigned'),
      vocabulary: (key) => t(`vocabulary.${key}`),
    },
    chart: {
      closedPerGroup: t('reports.chart.closedPerGroup'),
      casesPerState: t('reports.chart.casesPerState'),
      openByAge: t('reports.chart.openByAge'),
      recoveryRate: t('reports.chart.recoveryRate'),
      collectedIn: (currency) => t('reports.chart.collectedIn', { currency }),
      cases: t('reports.chart.cases'),
    },
  };
}
