/**
 * The host: resets what the page could pass in by inheritance, and the theme. Every colour, radius, size and
 * offset is read from a documented `--tinychat-*` custom property (custom properties inherit through the shadow
 * boundary on purpose, and `all` does not reset them), mapped to an internal `--tc-*` one so the light and dark
 * defaults live in one place.
 *
 * | property | default (light / dark) | what |
 * |---|---|---|
 * | `--tinychat-accent` / `--tinychat-accent-fg` | #2563eb / #fff (dark: #60a5fa / #0b1220) | launcher, own messages, primary buttons |
 * | `--tinychat-bg` / `--tinychat-fg` | #fff / #111827 (dark: #111827 / #f3f4f6) | panel |
 * | `--tinychat-muted` | #5b6472 (dark: #9ca3af) | times, notes (4.5:1 or more on the panel and on others' bubbles) |
 * | `--tinychat-border` | #e5e7eb (dark: #374151) | separators, inputs |
 * | `--tinychat-bubble-bg` / `--tinychat-bubble-fg` | #f3f4f6 / inherit (dark: #1f2937) | others' messages |
 * | `--tinychat-mine-bg` / `--tinychat-mine-fg` | the accent / accent-fg | the visitor's own messages |
 * | `--tinychat-danger` | #b91c1c (dark: #f87171) | failed sends, alerts |
 * | `--tinychat-badge-bg` / `--tinychat-badge-fg` | the danger colour / the panel background | unread badges |
 * | `--tinychat-focus` | the accent | focus ring |
 * | `--tinychat-code-bg` | rgba(127,127,127,.12) | code in agent replies |
 * | `--tinychat-radius` | 12px | panel, bubbles, inputs, buttons |
 * | `--tinychat-launcher-radius` | 50% | launcher (a square launcher: 16px) |
 * | `--tinychat-pill-radius` | 999px | badges, "Jump to latest", small notices |
 * | `--tinychat-font` / `--tinychat-font-size` | system-ui stack / 14px | all text |
 * | `--tinychat-z-index` | 2147483000 | launcher and floating panel |
 * | `--tinychat-offset-bottom` / `--tinychat-offset-inline` | 20px / 20px | launcher position (bubble mode): from the bottom, and from the right (the left in right-to-left languages); `--tinychat-offset-right` is read when `-inline` is not set |
 * | `--tinychat-launcher-size` | 56px | launcher diameter |
 * | `--tinychat-panel-width` / `--tinychat-panel-height` | 380px / 600px | floating panel (capped by the viewport) |
 * | `--tinychat-shadow` | 0 8px 32px rgba(0,0,0,.18) | launcher and floating panel |
 *
 * Theme: light by default, `theme="dark"` on the element, or `theme="auto"` to follow `prefers-color-scheme`; the
 * `accent` attribute (any CSS colour) overrides the accent. The page's values of these properties win over both themes.
 */
export const hostStyles = `
:host{all:initial;display:block;
--tc-accent:var(--tinychat-accent,#2563eb);--tc-accent-fg:var(--tinychat-accent-fg,#fff);
--tc-bg:var(--tinychat-bg,#fff);--tc-fg:var(--tinychat-fg,#111827);--tc-muted:var(--tinychat-muted,#5b6472);
--tc-border:var(--tinychat-border,#e5e7eb);--tc-bubble-bg:var(--tinychat-bubble-bg,#f3f4f6);--tc-bubble-fg:var(--tinychat-bubble-fg,inherit);
--tc-danger:var(--tinychat-danger,#b91c1c);--tc-radius:var(--tinychat-radius,12px);--tc-pill:var(--tinychat-pill-radius,999px);
--tc-shadow:var(--tinychat-shadow,0 8px 32px rgba(0,0,0,.18));--tc-z:var(--tinychat-z-index,2147483000);
font-family:var(--tinychat-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);
font-size:var(--tinychat-font-size,14px);line-height:1.4;color:var(--tc-fg);text-align:start;
-webkit-text-size-adjust:100%;text-size-adjust:100%}
:host([hidden]){display:none}
:host([theme=dark]){--tc-accent:var(--tinychat-accent,#60a5fa);--tc-accent-fg:var(--tinychat-accent-fg,#0b1220);
--tc-bg:var(--tinychat-bg,#111827);--tc-fg:var(--tinychat-fg,#f3f4f6);--tc-muted:var(--tinychat-muted,#9ca3af);
--tc-border:var(--tinychat-border,#374151);--tc-bubble-bg:var(--tinychat-bubble-bg,#1f2937);--tc-danger:var(--tinychat-danger,#f87171);color-scheme:dark}
@media (prefers-color-scheme:dark){:host([theme=auto]){--tc-accent:var(--tinychat-accent,#60a5fa);--tc-accent-fg:var(--tinychat-accent-fg,#0b1220);
--tc-bg:var(--tinychat-bg,#111827);--tc-fg:var(--tinychat-fg,#f3f4f6);--tc-muted:var(--tinychat-muted,#9ca3af);
--tc-border:var(--tinychat-border,#374151);--tc-bubble-bg:var(--tinychat-bubble-bg,#1f2937);--tc-danger:var(--tinychat-danger,#f87171);color-scheme:dark}}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
button,input,textarea{font:inherit;color:inherit;letter-spacing:inherit;margin:0}
button{cursor:pointer;background:none;border:0;padding:0;text-align:inherit}
p,h2,ul{margin:0;padding:0}
ul{list-style:none}
a{color:inherit;text-decoration:underline}
:focus-visible{outline:2px solid var(--tinychat-focus,var(--tc-accent));outline-offset:2px}
.tc-visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.tc-icon{display:block;flex:none}
.tc-icon-back:dir(rtl){transform:scaleX(-1)}
.tc-badge{display:inline-flex;align-items:center;justify-content:center;min-width:1.5em;height:1.5em;padding:0 .4em;border-radius:var(--tc-pill);
background:var(--tinychat-badge-bg,var(--tc-danger));color:var(--tinychat-badge-fg,var(--tc-bg));font-size:.75em;font-weight:600;line-height:1}
.tc-note{padding:12px 16px;color:var(--tc-muted)}
.tc-primary{background:var(--tc-accent);color:var(--tc-accent-fg);border-radius:var(--tc-radius);padding:.6em 1em;font-weight:600}
.tc-primary[aria-busy=true]{opacity:.7;cursor:progress}
.tc-link-button{text-decoration:underline;font-weight:600}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
`;
