/** Sends one delivery: `{ deliveryId }`. */
export const DELIVER_QUEUE = 'notifications.deliver';
/** Safety net: dispatches what no nudge did and re-queues overdue deliveries. */
export const DISPATCH_QUEUE = 'notifications.dispatch';
/** Daily: removes dispatched events (and their deliveries) past the retention period. */
export const PRUNE_QUEUE = 'notifications.prune';
