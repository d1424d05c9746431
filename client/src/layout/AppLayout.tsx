import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { homeFor, useSession } from '../auth/session';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoadingState } from '../components/QueryStates';
import { ApiStatus } from './ApiStatus';
import { MainNav } from './MainNav';
import { SignedInPerson } from './SignedInPerson';

export function AppLayout() {
  const location = useLocation();
  const { data: user } = useSession();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={user ? homeFor(user) : '/'} className="brand" aria-label="Liftoff home">
            <span className="brand-mark" aria-hidden="true">
              ▲
            </span>
            Liftoff
          </Link>
          <MainNav user={user} />
          <ApiStatus />
          <SignedInPerson />
        </div>
      </header>
      <main id="main" className="app-main">
        <ErrorBoundary resetKey={location.pathname}>
          {/* Pages are lazy chunks; the header stays put while one loads. */}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
