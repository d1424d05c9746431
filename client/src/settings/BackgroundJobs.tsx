import { JOB_STATES, type JobState } from '@liftoff/shared';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useJobsOverview } from './jobs-api';

const STATE_LABELS: Record<JobState, string> = {
  created: 'Waiting',
  retry: 'Waiting to retry',
  active: 'Running',
  completed: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** Names of the app's queues as people read them; an unknown queue shows its own name. */
const QUEUE_LABELS: Record<string, string> = {
  'portfolio-sweep': 'Nightly stuck-detection sweep',
};

const queueLabel = (name: string) => QUEUE_LABELS[name] ?? name;
const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The program office's view of the background job queue: jobs by state per queue, and what failed lately. */
export function BackgroundJobs() {
  const jobs = useJobsOverview();
  if (jobs.isPending) return <LoadingState label="Loading the background jobs…" />;
  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} title="Could not load the background jobs" />;
  const { queues, recentFailures } = jobs.data;
  return (
    <section className="card" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Background jobs</h2>
      <p className="muted">Work that runs on its own, once across every server: counts cover the jobs kept for the last days.</p>
      {queues.length === 0 ? (
        <p>No queue has run yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Jobs of each queue by state</caption>
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Schedule</th>
                {JOB_STATES.map((state) => <th scope="col" key={state} className="numeric">{STATE_LABELS[state]}</th>)}
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <tr key={queue.name}>
                  <th scope="row">{queueLabel(queue.name)}</th>
                  <td>{queue.schedule ? <code title={queue.schedule.timeZone}>{queue.schedule.cron}</code> : 'When needed'}</td>
                  {JOB_STATES.map((state) => <td key={state} className="numeric">{queue.counts[state]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Latest failures</h3>
      {recentFailures.length === 0 ? (
        <p>No job has failed lately.</p>
      ) : (
        <ul className="job-failures">
          {recentFailures.map((failure) => (
            <li key={`${failure.jobId}-${failure.failedAt}`}>
              <strong>{queueLabel(failure.queue)}</strong>, {dateTime(failure.failedAt)}
              {failure.willRetry ? ' (will be retried)' : ' (gave up)'}: <span className="job-error">{failure.error}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
