/**
 * One server-sent event as the wire carries it: an id (so a reconnecting EventSource says where
 * it was), the event's name and its data as one line of JSON.
 */
export function sseMessage(id: number, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
