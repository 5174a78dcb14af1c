import type { CitedResource } from './types.ts';

/**
 * Picks the cited resources out of a `message_payload` event's data, accepting both
 * `{citedResources:[...]}` and `{payload:{citedResources:[...]}}`, and dropping entries
 * that lack a URL. Titles default to the URL; nothing here is trusted or rendered.
 */
export function readSources(data: unknown): CitedResource[] {
  if (typeof data !== 'object' || data === null) return [];
  const d = data as { citedResources?: unknown; payload?: { citedResources?: unknown } };
  const list = d.citedResources ?? d.payload?.citedResources;
  if (!Array.isArray(list)) return [];
  const sources: CitedResource[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, url, title, type } = item as Record<string, unknown>;
    if (typeof url !== 'string' || url === '') continue;
    sources.push({
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : url,
      url,
      title: typeof title === 'string' && title.trim() ? title : url,
      type: typeof type === 'string' ? type : 'website',
    });
  }
  return sources;
}
