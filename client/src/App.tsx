import { Suspense, useState } from 'react';
import { LoadingState } from './components/QueryStates';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, matchPath, Route, Routes } from 'react-router-dom';
import { preloadable } from './components/preloadable';
import { createQueryClient } from './api/query-client';
import { AppLayout } from './layout/AppLayout';
import { RequireSession } from './auth/RequireSession';

// Every page is its own chunk: recharts only loads with the pages that draw charts.
const PortfolioPage = preloadable(() => import('./portfolio/PortfolioPage'));
const PilotsPage = preloadable(() => import('./pilots/PilotsPage'));
const PilotPage = preloadable(() => import('./pilot/PilotPage'));
const NewUpdatePage = preloadable(() => import('./updates/NewUpdatePage'));
const StuckPage = preloadable(() => import('./stuck/StuckPage'));
const BlockersPage = preloadable(() => import('./blockers/BlockersPage'));
const ScaleQueuePage = preloadable(() => import('./scale-queue/ScaleQueuePage'));
const DecisionsPage = preloadable(() => import('./decisions/DecisionsPage'));
const SettingsPage = preloadable(() => import('./settings/SettingsPage'));
const AuditPage = preloadable(() => import('./audit/AuditPage'));
const NotFoundPage = preloadable(() => import('./layout/NotFoundPage'));
const SignInPage = preloadable(() => import('./auth/SignInPage'));

/** The page each address opens, so that its chunk can load while the session is being checked. */
const PAGE_CHUNKS: [path: string, page: { preload(): Promise<unknown> }][] = [
  ['/', PortfolioPage],
  ['/pilots', PilotsPage],
  ['/pilots/:id', PilotPage],
  ['/pilots/:id/updates/new', NewUpdatePage],
  ['/stuck', StuckPage],
  ['/blockers', BlockersPage],
  ['/scale-queue', ScaleQueuePage],
  ['/decisions', DecisionsPage],
  ['/settings', SettingsPage],
  ['/audit', AuditPage],
  ['/sign-in', SignInPage],
];

/** Starts loading the chunk of the page at `pathname` (called once, as the app starts). */
export function preloadPage(pathname: string): void {
  const match = PAGE_CHUNKS.find(([path]) => matchPath(path, pathname));
  match?.[1].preload().catch(() => undefined); // a failed download is retried when the page renders
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
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<PortfolioPage />} />
        <Route path="pilots" element={<PilotsPage />} />
        <Route path="pilots/:id" element={<PilotPage />} />
        <Route path="pilots/:id/updates/new" element={<NewUpdatePage />} />
        <Route path="stuck" element={<StuckPage />} />
        <Route path="blockers" element={<BlockersPage />} />
        <Route path="scale-queue" element={<ScaleQueuePage />} />
        <Route path="decisions" element={<DecisionsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="audit" element={<AuditPage />} />
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
