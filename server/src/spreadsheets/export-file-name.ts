/** Every download is named the same way, `liftoff-pilots-2026-12-06`; the extension follows the format. */
export function datedExportName(list: string): string {
  return `liftoff-${list}-${new Date().toISOString().slice(0, 10)}`;
}
