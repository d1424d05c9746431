import { Suspense, useState } from 'react';
import { LoadingState } from './components/QueryStates';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, matchPath, Route, Routes } from 'react-router-dom';
import { preloadable } from './components/preloadable';
import { createQueryClient } from './api/query-client';
import { AppLayout } from './layout/AppLayout';
import { RequireSession } from './auth/RequireSession';

// Every page is its own chunk: recharts only loads with the pages that draw charts.
const SignInPage = preloadable(() => import('./auth/SignInPage'));
/** Invite and password-reset links land here, signed out; the token is in the address's fragment. */
const AcceptLinkPage = preloadable(() => import('./auth/AcceptLinkPage'));
const NotFoundPage = preloadable(() => import('./layout/NotFoundPage'));

/** The signed-in pages by address: the routes, and the chunk to load while the session is checked. */
const PAGES: { path: string; Page: ReturnType<typeof preloadable> }[] = [
  { path: '/', Page: preloadable(() => import('./portfolio/PortfolioPage')) },
  { path: '/pilots', Page: preloadable(() => import('./pilots/PilotsPage')) },
  // Before '/pilots/:id', so the preloader picks the form's chunk for /pilots/new.
  { path: '/pilots/new', Page: preloadable(() => import('./pilot-form/NewPilotPage')) },
  { path: '/pilots/:id', Page: preloadable(() => import('./pilot/PilotPage')) },
  { path: '/pilots/:id/edit', Page: preloadable(() => import('./pilot-form/EditPilotPage')) },
  { path: '/pilots/:id/updates/new', Page: preloadable(() => import('./updates/NewUpdatePage')) },
  { path: '/pilots/:id/updates/:updateId/edit', Page: preloadable(() => import('./updates/EditUpdatePage')) },
  { path: '/stuck', Page: preloadable(() => import('./stuck/StuckPage')) },
  { path: '/blockers', Page: preloadable(() => import('./blockers/BlockersPage')) },
  { path: '/scale-queue', Page: preloadable(() => import('./scale-queue/ScaleQueuePage')) },
  { path: '/decisions', Page: preloadable(() => import('./decisions/DecisionsPage')) },
  { path: '/settings', Page: preloadable(() => import('./settings/SettingsPage')) },
  // Linked from Settings, not from the navigation.
  { path: '/settings/deliveries', Page: preloadable(() => import('./integrations/DeliveryLogPage')) },
  { path: '/business-units', Page: preloadable(() => import('./business-units/BusinessUnitsPage')) },
  { path: '/imports', Page: preloadable(() => import('./imports/ImportPage')) },
  { path: '/audit', Page: preloadable(() => import('./audit/AuditPage')) },
  { path: '/people', Page: preloadable(() => import('./people/PeoplePage')) },
  { path: '/account', Page: preloadable(() => import('./account/AccountPage')) },
  { path: '/packs', Page: preloadable(() => import('./packs/PacksPage')) },
  { path: '/packs/:id', Page: preloadable(() => import('./packs/PackPage')) },
];
/** A pack's print view: signed in, but without the app's header and navigation. */
const PackPrintPage = preloadable(() => import('./packs/PackPrintPage'));
const PACK_PRINT_PATH = '/packs/:id/print';

/** Starts loading the chunk of the page at `pathname` (called once, as the app starts). */
export function preloadPage(pathname: string): void {
  const page = matchPath('/sign-in', pathname)
    ? SignInPage
    : matchPath('/welcome', pathname)
      ? AcceptLinkPage
      : matchPath(PACK_PRINT_PATH, pathname)
        ? PackPrintPage
        : PAGES.find(({ path }) => matchPath(path, pathname))?.Page;
  page?.preload().catch(() => undefined); // a failed download is retried when the page renders
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="sign-in"
        element={
          <Suspense fallback={<LoadingState />}>
            <SignInPage />
          </Suspense>
        }
      />
      <Route
        path="welcome"
        element={
          <Suspense fallback={<LoadingState />}>
            <AcceptLinkPage />
          </Suspense>
        }
      />
      <Route
        path={PACK_PRINT_PATH.slice(1)}
        element={
          <RequireSession>
            <Suspense fallback={<LoadingState />}>
              <PackPrintPage />
            </Suspense>
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        {PAGES.map(({ path, Page }) =>
          path === '/' ? <Route key={path} index element={<Page />} /> : <Route key={path} path={path.slice(1)} element={<Page />} />,
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
