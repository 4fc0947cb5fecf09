// The cancel page's one inline stylesheet: a single column that fits a 375 px phone, light and dark
// themes from prefers-color-scheme, the flow's accent as CSS variables, and focus rings always visible.
import { type AccentPalette, PAGE_SURFACES } from "./page-colors";

const theme = (p: AccentPalette["light"]) => `--accent:${p.button};--on-accent:${p.onButton};--accent-text:${p.text};`;

/** The CSS; the palette's values are `#rrggbb` made by accentPalette, never text from outside. */
export function pageStyle(palette: AccentPalette): string {
  return `
:root{color-scheme:light dark;${theme(palette.light)}--bg:#f3f4f6;--card:${PAGE_SURFACES.light};--text:#1f2328;--muted:#4b5563;--border:#868e96;--soft:#f9fafb;--error:#b42318;--error-bg:#fef3f2;--note:#fff7d6;--note-text:#5c4500}
@media (prefers-color-scheme:dark){:root{${theme(palette.dark)}--bg:#0d1117;--card:${PAGE_SURFACES.dark};--text:#e6edf3;--muted:#a7b1bc;--border:#6e7681;--soft:#1c2129;--error:#ffa198;--error-bg:#3b1418;--note:#3a2f00;--note-text:#ffe58a}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:36rem;margin:0 auto;padding:1rem}
@media (min-width:40rem){.page{padding:3rem 1rem}}
.preview{margin:0 0 1rem;padding:.5rem .75rem;border:1px solid var(--note-text);border-radius:.5rem;background:var(--note);color:var(--note-text);font-size:.9375rem}
.brand{display:flex;align-items:center;gap:.75rem;margin:0 0 1rem;font-weight:600;font-size:1.0625rem}
.brand img{display:block;max-height:2.5rem;max-width:12rem;height:auto;width:auto}
main{background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:1.25rem}
@media (min-width:40rem){main{padding:2rem}}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}
h1 label{cursor:pointer}
p{margin:0 0 1rem}
.intro,.hint{color:var(--muted)}
.hint{font-size:.9375rem;margin:.25rem 0 .5rem}
a{color:var(--accent-text);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--accent-text);outline-offset:2px}
.error{margin:0 0 1rem;padding:.75rem 1rem;border:2px solid var(--error);border-radius:.5rem;background:var(--error-bg);color:var(--text)}
.error strong{color:var(--error)}
fieldset{border:0;margin:0 0 1rem;padding:0;min-width:0}
.choices{display:grid;gap:.5rem}
.choice{display:flex;align-items:flex-start;gap:.75rem;padding:.75rem 1rem;border:1px solid var(--border);border-radius:.5rem;background:var(--soft);cursor:pointer}
.choice:has(input:checked){border:2px solid var(--accent-text);padding:calc(.75rem - 1px) calc(1rem - 1px)}
.choice input{margin:.25rem 0 0;width:1.125rem;height:1.125rem;flex:none;accent-color:var(--accent-text)}
.choice small{display:block;color:var(--muted);font-size:.875rem}
textarea{display:block;width:100%;min-height:8rem;padding:.75rem;font:inherit;color:var(--text);background:var(--soft);border:1px solid var(--border);border-radius:.5rem;resize:vertical}
textarea[aria-invalid=true]{border:2px solid var(--error)}
.facts{list-style:none;margin:0 0 1.25rem;padding:0;display:grid;gap:.5rem}
.facts li{padding:.75rem 1rem;border:1px solid var(--border);border-radius:.5rem;background:var(--soft)}
.facts .figure{display:block;font-size:1.5rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.facts .words{font-size:1.125rem;line-height:1.35}
main>:last-child,.goodbye>:last-child,.offer>:last-child{margin-bottom:0}
.offer{margin:0 0 1rem;padding:1rem;border:2px solid var(--accent-text);border-radius:.5rem;background:var(--soft)}
.offer .what{font-size:1.25rem;font-weight:700;margin:0 0 .25rem}
.actions{display:flex;flex-direction:column;gap:.75rem;margin-top:1.5rem}
@media (min-width:40rem){.actions{flex-direction:row;flex-wrap:wrap;align-items:center}}
button,.button{display:inline-flex;justify-content:center;align-items:center;min-height:2.75rem;padding:.625rem 1.25rem;font:inherit;font-weight:600;border-radius:.5rem;cursor:pointer;text-align:center;text-decoration:none}
.primary{background:var(--accent);color:var(--on-accent);border:2px solid var(--accent-text)}
.secondary{background:transparent;color:var(--text);border:2px solid var(--border)}
.link{background:none;border:0;color:var(--accent-text);text-decoration:underline;padding:.625rem .25rem}
@media (min-width:40rem){.link{margin-left:auto}}
.goodbye p{color:var(--text)}
`.trim();
}
