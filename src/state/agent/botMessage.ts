import type { CitedResource } from '../../transport/agent/types.ts';

/**
 * The sender id of the bot's messages in a conversation: `bot:<botId>` (e.g. `bot:demo-bot`), so a bot can
 * never be mistaken for a person whose user id happens to equal the bot id.
 */
export function botSenderId(botId: string): string {
  return `bot:${botId}`;
}

/** The line that starts the sources section of a bot message's body (a format marker, not UI text). */
export const SOURCES_MARKER = '\n\nSources:\n';
const SOURCE_LINE = /^- \[((?:\\.|[^\\\]])*)\]\(([^()\s]*)\)$/;

/** A bot message body split back into its answer and its sources (none when the body has no such section). */
export function splitBotBody(body: string): { text: string; sources: Pick<CitedResource, 'url' | 'title'>[] } {
  const at = body.lastIndexOf(SOURCES_MARKER);
  if (at < 0) return { text: body, sources: [] };
  const sources: Pick<CitedResource, 'url' | 'title'>[] = [];
  for (const line of body.slice(at + SOURCES_MARKER.length).split('\n')) {
    const match = SOURCE_LINE.exec(line);
    // Anything else after the marker means it was the answer's own text, not our section.
    if (match === null) return { text: body, sources: [] };
    sources.push({ title: match[1]!.replace(/\\(.)/g, '$1'), url: match[2]! });
  }
  return { text: body.slice(0, at), sources };
}
