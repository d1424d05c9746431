import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DateOrder, DecimalSeparator, ImportKind, ImportReport } from '@liftoff/shared';
import { API_BASE, api } from '../api/http';

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  dateOrder: DateOrder;
  decimalSeparator: DecimalSeparator;
  createPeople: boolean;
  createUnits: boolean;
}

function formOf(request: ImportRequest, expectedSha256?: string): FormData {
  const form = new FormData();
  form.set('dateOrder', request.dateOrder);
  form.set('decimalSeparator', request.decimalSeparator);
  form.set('createPeople', String(request.createPeople));
  form.set('createUnits', String(request.createUnits));
  if (expectedSha256) form.set('expectedSha256', expectedSha256);
  form.set('file', request.file, request.file.name);
  return form;
}

/** Reads the file and reports what an import would do; writes nothing, so nothing to invalidate. */
export function useImportDryRun() {
  return useMutation({
    mutationFn: (request: ImportRequest) => api.post<ImportReport>(`/imports/${request.kind}/dry-run`, formOf(request)),
  });
}

/** Imports the very file the dry run read (the server checks its checksum), all or nothing. */
export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, fileSha256 }: { request: ImportRequest; fileSha256: string }) =>
      api.post<ImportReport>(`/imports/${request.kind}`, formOf(request, fileSha256)),
    // Pilots, updates, blockers, flags and every list built on them may have changed.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export const templateUrl = (kind: ImportKind, format: 'csv' | 'xlsx') => `${API_BASE}/imports/${kind}/template?format=${format}`;
export const exportUrl = (kind: ImportKind, format: 'csv' | 'xlsx') => `${API_BASE}/exports/${kind}?format=${format}`;
