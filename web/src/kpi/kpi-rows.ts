/** The parts of the KPI answers the dashboard shows (the full schemas are in /docs-json). */
export type FunnelRow = Readonly<{
  dealerId: string;
  month: string;
  registered: number;
  reached: Readonly<Record<string, number>>;
  conversion: readonly Readonly<{ from: string; to: string; rate: number | null }>[];
  closingRate: number | null;
  testDriveRate: number | null;
  recordRate: number | null;
  walkInProspects: number;
  walkInGroups: number;
}>;

export type SurveyRow = Readonly<{
  dealerId: string;
  month: string;
  weightSetVersion: string;
  surveys: number;
  nps: number;
  weightedIndex?: number;
  csi?: number;
}>;

export type RetentionRow = Readonly<{
  month: string;
  base: number;
  returned: number;
  retention: number | null;
  churn: number | null;
}>;

export type WorkshopRow = Readonly<{
  dealerId: string;
  month: string;
  opened: number;
  settled: number;
  appointmentRate: number | null;
  reworkRate: number | null;
  technicianEfficiency: number | null;
  averageTicketFen: number | null;
}>;

export type ComplianceRow = Readonly<{
  dealerId: string;
  month: string;
  filed: number;
  acknowledgedOnTimeRate: number | null;
  resolvedOnTimeRate: number | null;
  twoWeekClosureRate: number | null;
  breaches: number;
  breachesByLevel: Readonly<Record<string, number>>;
}>;

export type LiabilityRow = Readonly<{
  dealerId: string;
  activeMembers: number;
  outstandingPoints: number;
  expiringWithin30Days: number;
  expiringWithin90Days: number;
}>;

export type TierRow = Readonly<{
  dealerId: string;
  total: number;
  silver: number;
  gold: number;
  platinum: number;
}>;

export const LEVELS = ['L1', 'L2', 'L3'] as const;
export const TIERS = ['silver', 'gold', 'platinum'] as const;
