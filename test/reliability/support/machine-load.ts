import { cpus, loadavg } from 'node:os';

/** The machine's load when the figures were taken: timings on a shared 2-core machine mean little without it. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, load average ${one.toFixed(1)} (1 min) / ${five.toFixed(1)} (5 min) at the end of the run; timings need a quiet machine to compare`;
}
