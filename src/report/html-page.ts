/** Styles of the report page: inline, so the page needs nothing but itself. */
export const PAGE_STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #5a5a5a; --line: #d7d7d7; --head: #f3f3f1; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
nav a { margin-right: 1rem; }
.run { color: var(--muted); margin: 0 0 .8rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); position: sticky; top: 0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 13px/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.claim-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; display: block; }
.claim-title { color: var(--muted); font-size: 13px; display: block; }
.claim-links a { font-size: 12px; margin-right: .4rem; }
.verdict { display: inline-block; padding: 0 .45rem; border-radius: .7rem; font-size: 13px; white-space: nowrap; border: 1px solid transparent; }
.verdict-holds, .verdict-reproduced { background: #dff3e4; border-color: #8cc79b; }
.verdict-refuted { background: #fbe0de; border-color: #e08a82; font-weight: 600; }
.verdict-differs { background: #fdecd2; border-color: #e3ad5c; font-weight: 600; }
.verdict-inconclusive { background: #fff6c7; border-color: #d9c45a; }
.verdict-not-implemented { background: #f0f0f0; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: center; margin: .5rem 0; }
.filters select { font: inherit; padding: .1rem .3rem; }
#filter-count { color: var(--muted); }
.erratum { border-left: 4px solid #e08a82; padding: .1rem 0 .1rem 1rem; margin: 1rem 0; }
.erratum[data-verdict="differs"] { border-left-color: #e3ad5c; }
table.witness th[scope="row"] { font-weight: normal; font-style: italic; }
tr.witness-group th { background: var(--head); text-transform: uppercase; font-size: 12px; letter-spacing: .05em; }
.report-figure { margin: 1rem 0 2rem; }
.figure-drawing svg { max-width: 100%; height: auto; display: block; }
figcaption { max-width: 60rem; color: var(--fg); font-size: 14px; }
figcaption .basis { color: var(--muted); }
.figure-error { color: #a01c12; font-weight: 600; }
:target { outline: 2px solid #0072B2; outline-offset: 2px; }
@media print { thead th { position: static; } nav, .filters { display: none; } }
`;

/**
 * The filter: shows the claim rows whose data-paper and data-verdict match both menus and says how
 * many are shown. Plain DOM code, no library; without it every row stays visible.
 */
export const FILTER_SCRIPT = `
(function () {
  var paper = document.getElementById('filter-paper');
  var verdict = document.getElementById('filter-verdict');
  var count = document.getElementById('filter-count');
  var rows = document.querySelectorAll('#claims-table tbody tr');
  function apply() {
    var shown = 0;
    for (var i = 0; i !== rows.length; i++) {
      var row = rows[i];
      var visible = (paper.value === '' || row.getAttribute('data-paper') === paper.value) &&
        (verdict.value === '' || row.getAttribute('data-verdict') === verdict.value);
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  paper.addEventListener('change', apply);
  verdict.addEventListener('change', apply);
  apply();
})();
`;

/** No network at all: styles, scripts and images may only come from the page itself. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
