import { useT } from '../I18n.tsx';
import { LINK_REL } from './renderMarkdown.tsx';
import { safeUrl } from '../../markdown/safeUrl.ts';
import type { CitedResource } from '../../transport/agent/types.ts';

/**
 * The sources an agent cited, as a list named "Sources". Titles are text; a URL that is not
 * http/https/mailto is not linked (the title shows as plain text). Duplicate URLs are listed once.
 */
export function SourcesList({ sources }: { sources: readonly CitedResource[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  const seen = new Set<string>();
  const unique = sources.filter((s) => !seen.has(s.url) && seen.add(s.url));
  return (
    <div class="tc-sources">
      <p class="tc-sources-title" aria-hidden="true">
        {t('sources')}
      </p>
      <ul aria-label={t('sources')}>
        {unique.map((source) => {
          const href = safeUrl(source.url);
          return (
            <li key={source.url}>
              {href ? (
                <a href={href} target="_blank" rel={LINK_REL}>
                  {source.title}
                </a>
              ) : (
                <span>{source.title}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
