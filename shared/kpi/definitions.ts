/**
 * The catalogue of KPIs the reports page shows, each with its definition. Texts live in
 * renderer/features/reports/locales/{de,en}.json under `kpi.<id>.name` and `kpi.<id>.definition`
 * (namespace `reports`); a test keeps both files complete.
 */

export const KPI_IDS = [
  'leads_new',
  'leads_open',
  'conversion_rate',
  'calls_per_lead',
  'repeat_customers',
  'loyal_customers',
  'churn_rate',
  'retention_rate',
  'customer_lifetime_value',
  'revenue',
  'new_revenue',
  'acquisition_cost',
  'cost_per_lead',
  'source_ranking',
  'open_deals_count',
  'open_deals_value',
  'open_deals_weighted',
  'offers_without_follow_up',
  'lost_without_follow_up',
  'sales_cycle',
  'deal_funnel',
  'referrals',
  'nps',
  'return_on_relationship',
  'meetings_held',
  'meeting_success_rate',
  'follow_ups_booked',
  'appointments_next_month',
  'visit_coverage',
  'overdue_accounts',
  'missed_visits',
  'revenue_trend',
  'leads_trend',
  'won_deals_trend',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** How a KPI's value is formatted. */
export type KpiUnit = 'count' | 'percent' | 'currency' | 'days' | 'score' | 'number' | 'chart';

/** Which part of the report (`Report` key) holds the KPI. */
export type KpiFamily =
  | 'leads'
  | 'customers'
  | 'revenue'
  | 'sources'
  | 'pipeline'
  | 'loyalty'
  | 'meetings'
  | 'coverage'
  | 'trends';

export type KpiDefinition = {
  id: KpiId;
  /** i18n key (namespace `reports`) of the KPI's name. */
  nameKey: `kpi.${KpiId}.name`;
  /** i18n key (namespace `reports`) of its definition, shown beside the value. */
  definitionKey: `kpi.${KpiId}.definition`;
  unit: KpiUnit;
  family: KpiFamily;
  /** Whether the period filter applies; false = a snapshot as of today. */
  usesPeriod: boolean;
};

const spec: Record<KpiId, [KpiUnit, KpiFamily, boolean]> = {
  leads_new: ['count', 'leads', true],
  leads_open: ['count', 'leads', false],
  conversion_rate: ['percent', 'leads', true],
  calls_per_lead: ['number', 'leads', true],
  repeat_customers: ['count', 'customers', true],
  loyal_customers: ['count', 'customers', true],
  churn_rate: ['percent', 'customers', true],
  retention_rate: ['percent', 'customers', true],
  customer_lifetime_value: ['currency', 'customers', true],
  revenue: ['currency', 'revenue', true],
  new_revenue: ['currency', 'revenue', true],
  acquisition_cost: ['currency', 'sources', true],
  cost_per_lead: ['currency', 'sources', true],
  source_ranking: ['chart', 'sources', true],
  open_deals_count: ['count', 'pipeline', false],
  open_deals_value: ['currency', 'pipeline', false],
  open_deals_weighted: ['currency', 'pipeline', false],
  offers_without_follow_up: ['count', 'pipeline', false],
  lost_without_follow_up: ['percent', 'pipeline', true],
  sales_cycle: ['days', 'pipeline', true],
  deal_funnel: ['chart', 'pipeline', true],
  referrals: ['count', 'loyalty', true],
  nps: ['score', 'loyalty', true],
  return_on_relationship: ['percent', 'loyalty', true],
  meetings_held: ['count', 'meetings', true],
  meeting_success_rate: ['percent', 'meetings', true],
  follow_ups_booked: ['percent', 'meetings', true],
  appointments_next_month: ['count', 'meetings', false],
  visit_coverage: ['percent', 'coverage', false],
  overdue_accounts: ['count', 'coverage', false],
  missed_visits: ['count', 'coverage', false],
  revenue_trend: ['chart', 'trends', true],
  leads_trend: ['chart', 'trends', true],
  won_deals_trend: ['chart', 'trends', true],
};

/** Every KPI in display order. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = KPI_IDS.map((id) => {
  const [unit, family, usesPeriod] = spec[id];
  return { id, nameKey: `kpi.${id}.name`, definitionKey: `kpi.${id}.definition`, unit, family, usesPeriod } as const;
});
