import type { PortfolioFilter, PortfolioOverview } from '@liftoff/shared';
import { HealthOverTimeChart } from './HealthOverTimeChart';
import { DecisionsPerQuarterChart, StageFunnelChart } from './ProgressCharts';
import { BlockerCategoriesChart, PatternsByUnitChart, TimeInPilotChart } from './StuckCharts';

/**
 * Every chart of the overview. Loaded lazily by the page so recharts (the largest dependency) never
 * weighs on the first paint: the tiles show while this chunk arrives.
 */
export default function PortfolioCharts({ overview, filter }: { overview: PortfolioOverview; filter: PortfolioFilter }) {
  return (
    <div className="chart-grid">
      <StageFunnelChart overview={overview} filter={filter} />
      <HealthOverTimeChart overview={overview} filter={filter} />
      <PatternsByUnitChart overview={overview} filter={filter} />
      <TimeInPilotChart overview={overview} filter={filter} />
      <DecisionsPerQuarterChart overview={overview} filter={filter} />
      <BlockerCategoriesChart overview={overview} filter={filter} />
    </div>
  );
}
