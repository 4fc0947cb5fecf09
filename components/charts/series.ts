// The MRR movements drawn by the chart and listed in its table: one definition for both.
import { chart } from "./theme";

export const MOVEMENT_SERIES = [
  { key: "newCents", figure: "new", label: "New", color: chart.series(0), sign: 1 },
  { key: "expansionCents", figure: "expansion", label: "Expansion", color: chart.series(6), sign: 1 },
  { key: "reactivationCents", figure: "reactivated", label: "Reactivation", color: chart.series(5), sign: 1 },
  { key: "contractionCents", figure: "contraction", label: "Contraction", color: chart.series(3), sign: -1 },
  { key: "churnedCents", figure: "churned", label: "Churn", color: chart.series(2), sign: -1 },
] as const;
