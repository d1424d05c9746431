import { Link } from 'react-router-dom';
import { EmptyState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';

export default function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <EmptyState title="This page does not exist">
      <Link to="/">Back to the portfolio</Link>
    </EmptyState>
  );
}
