import { ComingSoonPage } from '../layout/ComingSoonPage';

// Will read the decisions log (scale, pivot, kill, keep piloting) once it exists.
export default function DecisionsPage() {
  return (
    <ComingSoonPage title="Decisions">
      A log of every scale, pivot, kill or keep-piloting decision, who made it and why.
    </ComingSoonPage>
  );
}
