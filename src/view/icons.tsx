/**
 * The few icons the views draw, as inline SVG built by Preact (no markup strings, nothing fetched, so a strict
 * CSP's img-src is not involved). Each is decorative: the button around it carries the name.
 */
const common = { viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true' as const, focusable: 'false' as const };

/** A speech bubble. */
export function ChatIcon() {
  return (
    <svg {...common} class="tc-icon">
      <path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
    </svg>
  );
}

/** A cross. */
export function CloseIcon() {
  return (
    <svg {...common} class="tc-icon">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

/** A chevron pointing back (mirrored by CSS in right-to-left layouts). */
export function BackIcon() {
  return (
    <svg {...common} class="tc-icon tc-icon-back">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7" />
    </svg>
  );
}
