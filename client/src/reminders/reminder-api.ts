import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DueUpdates, ReminderSettings, UpdateReminderSettingsRequest } from '@liftoff/shared';
import { apiRequest } from '../api/http';

export const reminderKeys = {
  settings: ['reminders', 'settings'] as const,
  dueUpdates: ['reminders', 'due-updates'] as const,
};

export function useReminderSettings() {
  return useQuery<ReminderSettings>({ queryKey: reminderKeys.settings, queryFn: ({ signal }) => apiRequest<ReminderSettings>('/settings/reminders', { signal }) });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReminderSettingsRequest) => apiRequest<ReminderSettings>('/settings/reminders', { method: 'PATCH', body }),
    onSuccess: (saved) => queryClient.setQueryData(reminderKeys.settings, saved),
  });
}

/** The signed-in person's pilots still without this week's update (the list their reminder sends). */
export function useDueUpdates(enabled: boolean) {
  return useQuery<DueUpdates>({ queryKey: reminderKeys.dueUpdates, queryFn: ({ signal }) => apiRequest<DueUpdates>('/me/due-updates', { signal }), enabled });
}
