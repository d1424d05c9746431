import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoadingState } from '../components/QueryStates';
import { ApiStatus } from './ApiStatus';
import { SignedInPerson } from './SignedInPerson';

const NAV_ITEMS = [
  { to: '/', label: 'Portfolio', end: true },
  { to: '/pilots', label: 'Pilots', end: false },
  { to: '/stuck', label: 'Stuck', end: false },
  { to: '/scale-queue', label: 'Scale queue', end: false },
  { to: '/decisions', label: 'Decisions', end: false },
  { to: '/settings', label: 'Settings', end: false },
];

export function AppLayout() {
  const location = useLocation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/" className="brand" aria-label="Liftoff home">
            <span className="brand-mark" aria-hidden="true">
              ▲
            </span>
            Liftoff
          </NavLink>
          <nav className="main-nav" aria-label="Main">
            {NAV_ITEMS.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end} className="main-nav-link">
                {item.label}
              </NavLink>
            ))}
          </nav>
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
