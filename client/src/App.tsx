import { lazy, Suspense, useState } from 'react';
import { LoadingState } from './components/QueryStates';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { AppLayout } from './layout/AppLayout';
import { RequireSession } from './auth/RequireSession';

// Every page is its own chunk: recharts only loads with the pages that draw charts.
const PortfolioPage = lazy(() => import('./portfolio/PortfolioPage'));
const PilotsPage = lazy(() => import('./pilots/PilotsPage'));
const PilotPage = lazy(() => import('./pilot/PilotPage'));
const NewUpdatePage = lazy(() => import('./updates/NewUpdatePage'));
const StuckPage = lazy(() => import('./stuck/StuckPage'));
const ScaleQueuePage = lazy(() => import('./scale-queue/ScaleQueuePage'));
const DecisionsPage = lazy(() => import('./decisions/DecisionsPage'));
const SettingsPage = lazy(() => import('./settings/SettingsPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const NotFoundPage = lazy(() => import('./layout/NotFoundPage'));
const SignInPage = lazy(() => import('./auth/SignInPage'));

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
