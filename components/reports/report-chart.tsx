'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartSpec } from '@/lib/reports/charts';

const COLOURS = ['#0f172a', '#0369a1', '#b45309', '#15803d', '#7c3aed', '#be123c', '#0e7490'];

function formatter(spec: ChartSpec, locale: string): (value: unknown) => string {
  if (spec.kind === 'bar' && spec.currency) {
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: spec.currency,
      maximumFractionDigits: 0,
    });
    return (value) => format.format(Number(value));
  }
  if (spec.kind === 'lines') {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return (value) => percent.format(Number(value) / 100);
  }
  return (value) => Number(value).toLocaleString(locale);
}

/**
 * One report chart. Decorative for screen readers (the table beside it holds the same
 * numbers), so it is hidden from them and described by its title.
 */
export function ReportChart({ spec, isCompact = false }: { spec: ChartSpec; isCompact?: boolean }) {
  const t = useTranslations('reports');
  const format = formatter(spec, useLocale());
  // Long or many category names are slanted so they do not overlap.
  const isCrowded = spec.kind === 'bar' && (spec.data.length > 6 || spec.data.some((point) => point.name.length > 12));
  if (!spec.data.length) return <p className="py-8 text-center text-sm text-slate-500">{t('nothingToChart')}</p>;
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs font-medium text-slate-600">{spec.title}</figcaption>
      <div className={`${isCompact ? 'h-40' : 'h-64'} w-full`} aria-hidden="true" data-testid="report-chart">
        <ResponsiveContainer width="100%" height="100%">
          {spec.kind === 'bar' ? (
            <BarChart data={spec.data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="name"
                tick={{ fontSize: 11 }}
                interval={0}
                angle={isCrowded ? -30 : 0}
                textAnchor={isCrowded ? 'end' : 'middle'}
                height={isCrowded ? 80 : 30}
              />
              <YAxis
                tick={{ fontSize: 11 }}
                tickFormatter={format}
                width={72}
                allowDecimals={!!spec.currency}
                domain={[0, 'auto']}
              />
              <Tooltip formatter={(value) => [format(value), spec.valueLabel]} />
              <Bar
                dataKey="value"
                name={spec.valueLabel}
                fill={COLOURS[0]}
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          ) : (
            <LineChart data={spec.data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} />
              <YAxis tick={{ fontSize: 11 }} tickFormatter={format} width={56} domain={[0, 'auto']} />
              <Tooltip formatter={(value, name) => [format(value), name]} />
              <Legend />
              {spec.series.map((series, index) => (
                <Line
                  key={series}
                  type="monotone"
                  dataKey={series}
                  name={series}
                  stroke={COLOURS[index % COLOURS.length]}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
