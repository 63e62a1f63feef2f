//! The page's stylesheet.

/// The page's styles. Light on screen and on paper; colours only ever repeat what words
/// already say. Body text is #1b1f24 on white (about 16:1); the quietest text, #4a5058,
/// stays above 7:1 on both the white page and the pale table headers.
pub(super) const CSS: &str = r#":root {
  color-scheme: light;
  --ink: #1b1f24;
  --muted: #4a5058;
  --rule: #d8d4cb;
  --wash: #f4f2ed;
  --accent: #1d4e5f;
  --ok: #245c36;
  --warn: #8a3b12;
  --pc: #5b5b5b;
}
.p0 { --pc: #1f5f99; } .p1 { --pc: #b34f18; } .p2 { --pc: #2d7a53; } .p3 { --pc: #7d4a9e; }
.p4 { --pc: #8a6a00; } .p5 { --pc: #1f7f8c; } .p6 { --pc: #a33a5b; } .p7 { --pc: #5b5b5b; }
* { box-sizing: border-box; }
html { background: #ebe9e3; }
body {
  margin: 0;
  color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  -webkit-text-size-adjust: 100%;
  /* A long word or link typed without spaces wraps instead of pushing past the page. */
  overflow-wrap: break-word;
}
.doc {
  max-width: 60rem;
  margin: 2rem auto;
  padding: 3rem 3.5rem 2rem;
  background: #fff;
  border-radius: 6px;
  box-shadow: 0 1px 2px rgba(0,0,0,.06), 0 4px 16px rgba(0,0,0,.05);
}
bdi { white-space: pre-line; }
.kicker { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 600; letter-spacing: .09em; text-transform: uppercase; }
h1 { margin: .3rem 0 1.25rem; font-size: 2rem; line-height: 1.2; font-weight: 650; letter-spacing: -.01em; }
h2 { margin: 2.75rem 0 1rem; padding-bottom: .35rem; font-size: 1.4rem; line-height: 1.3; color: #14323d; border-bottom: 2px solid var(--accent); }
h3 { margin: 1.8rem 0 .6rem; font-size: 1.1rem; line-height: 1.35; }
h4 { margin: 1.2rem 0 .4rem; font-size: 1rem; }
p { margin: .5rem 0; }
.label { margin-right: .45rem; color: var(--muted); font-size: .85rem; font-weight: 600; letter-spacing: .03em; text-transform: uppercase; }
.missing { color: var(--muted); font-style: italic; }
.aside, .legend, .count { color: var(--muted); font-size: .9rem; }
.ok { color: var(--ok); font-weight: 600; }
.warn { color: var(--warn); font-weight: 600; }
.settled { color: var(--muted); font-weight: 600; }
.advice { color: var(--muted); }
.over { color: var(--warn); }
.under { color: var(--muted); }
.who { white-space: nowrap; }
.sw { display: inline-block; width: 0; height: 0; margin-right: .4em; border: .36em solid var(--pc); border-radius: 2px; vertical-align: .05em; }

dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0 0 1.5rem; }
dl.meta div { display: contents; }
dl.meta dt { color: var(--muted); font-weight: 600; }
dl.meta dd { margin: 0; }
.partners { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.partner { padding: .9rem 1.1rem; border: 1px solid var(--rule); border-left: 5px solid var(--pc); border-radius: 4px; break-inside: avoid; }
.pname { margin: 0 0 .35rem; font-size: 1.1rem; font-weight: 650; }
.brings { margin: 0 0 .5rem; }
.reps { margin: 0; padding: 0; list-style: none; font-size: .95rem; }
.reps li { padding: .1rem 0; }
.fn { color: var(--muted); font-size: .88rem; }
.fn::before { content: "· "; }

.toc { margin: 2rem 0 0; padding: 1rem 1.25rem; background: var(--wash); border-radius: 4px; }
.toc-title { margin: 0 0 .3rem; font-weight: 650; }
.toc ul { margin: 0; padding: 0; list-style: none; columns: 2; column-gap: 2rem; }
.toc li { padding: .1rem 0; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover, .toc a:focus { text-decoration: underline; }

.verdict-box { margin: 0 0 1.25rem; padding: 1rem 1.25rem; border: 1px solid var(--rule); border-left: 6px solid var(--vc, var(--muted)); border-radius: 4px; }
.v-proceed { --vc: #2d7a53; } .v-conditions { --vc: #8a6a00; } .v-pass { --vc: #1f5f99; } .v-none { --vc: #8a8f96; }
.verdict-label { margin: 0; color: var(--muted); font-size: .8rem; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; }
.verdict-value { margin: .1rem 0 .35rem; font-size: 1.5rem; font-weight: 650; }
dl.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr)); gap: .6rem; margin: 0 0 1rem; }
dl.stats div { display: flex; flex-direction: column-reverse; padding: .6rem .8rem; background: var(--wash); border-radius: 4px; }
dl.stats dt { color: var(--muted); font-size: .85rem; }
dl.stats dd { margin: 0; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.readiness { margin: .35rem 0; }
.readiness .label { display: inline-block; min-width: 6.5rem; margin-right: 0; }

table { width: 100%; margin: .75rem 0 1.25rem; border-collapse: collapse; font-size: .94rem; }
th, td { padding: .45rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
thead th { background: var(--wash); border-bottom: 2px solid #b8b3a7; font-weight: 650; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { border-top: 2px solid #b8b3a7; border-bottom: 0; font-weight: 650; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.letter { width: 1%; text-align: center; white-space: nowrap; }
td.letter abbr { text-decoration: none; font-weight: 700; }
td.blank { color: #9a9a9a; }
.raci-A { color: var(--accent); }
table.interests { table-layout: fixed; }
table.interests th:nth-child(1) { width: 22%; }
table.interests th:nth-child(3) { width: 16%; }
table.interests th:nth-child(4) { width: 18%; }
.w-hard { font-weight: 700; }
.w-firm { font-weight: 600; }
.due, .when { white-space: nowrap; font-variant-numeric: tabular-nums; }
.check { font-size: .95rem; }
.coverage { color: var(--muted); font-size: .93rem; }
.coverage.gap { color: var(--warn); }

blockquote.statement { margin: .5rem 0 1rem; padding: .8rem 1.2rem; font-size: 1.08rem; background: var(--wash); border-left: 4px solid var(--accent); border-radius: 0 4px 4px 0; }
blockquote.statement p { margin: 0; }
.view { margin: .8rem 0; padding-left: .9rem; border-left: 3px solid var(--pc); }
.view h4 { margin-top: 0; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .2rem 1rem; margin: .3rem 0; }
dl.facts div { display: contents; }
dl.facts dt { color: var(--muted); font-size: .9rem; }
dl.facts dd { margin: 0; }
.gate { margin: .5rem 0 1rem; padding: .8rem 1.1rem; border: 1px solid var(--rule); border-left: 5px solid var(--gc, var(--muted)); border-radius: 4px; }
.gate-proceed { --gc: #2d7a53; } .gate-override { --gc: #8a6a00; } .gate-pass { --gc: #1f5f99; }
.gate-head { margin: 0 0 .3rem; font-weight: 650; }
.not-reached { padding: .7rem 1rem; color: var(--muted); background: var(--wash); border-radius: 4px; }

figure.chart { margin: 1rem 0 1.5rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: .4rem; color: var(--muted); font-size: .88rem; }
svg text { font-family: inherit; font-size: 13px; fill: var(--ink); }
svg .grid { stroke: #d0ccc2; stroke-width: 1; }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .name { font-weight: 600; }
svg .bar { fill: var(--pc); }
svg .value { font-weight: 650; }
svg .value.none { fill: var(--muted); font-weight: 400; font-style: italic; }
svg .mark { fill: var(--pc); }
svg .category { fill: var(--ink); font-weight: 600; }
svg .cell rect { fill: #fff; stroke: #cfcabf; }
svg .cell .n { font-size: 15px; font-weight: 700; }
svg .cell .word { font-size: 11px; }
svg .cell.empty .word { fill: #8a8f96; }
svg .cell.settled rect { fill: #e9f1ec; }
svg .cell.parked rect { fill: #eeeeee; stroke-dasharray: 4 3; }
svg .cell.sev-low rect { fill: #fbf1cc; }
svg .cell.sev-medium rect { fill: #f3c384; }
svg .cell.sev-high rect { fill: #b8462b; }
svg .cell.sev-critical rect { fill: #7c1a1f; }
svg .cell.sev-high text, svg .cell.sev-critical text { fill: #fff; }

.sev { display: inline-block; padding: 0 .45em; font-size: .8rem; font-weight: 700; letter-spacing: .03em; text-transform: uppercase; border: 1px solid currentColor; border-radius: 3px; }
.sev-low { color: #5c4a00; background: #fbf1cc; }
.sev-medium { color: #6b3a00; background: #f9dfb9; }
.sev-high { color: #8f2a12; background: #f7d9d0; }
.sev-critical { color: #fff; background: #7c1a1f; border-color: #7c1a1f; }
.cat { color: var(--muted); }
article.conflict { margin: .6rem 0; padding: .7rem 1rem; border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; }
.conflict-head { margin: 0 0 .3rem; font-size: .93rem; }
.conflict-desc { margin: 0 0 .2rem; font-weight: 600; }
.conflict-source { margin: 0 0 .4rem; color: var(--muted); font-size: .88rem; }
ol.agreements { padding-left: 1.4rem; }
ol.agreements li { margin: 0 0 .8rem; break-inside: avoid; }
.agreement { margin: 0; font-weight: 600; }
.agreement + .aside { margin: .1rem 0 0; }
.verdict-line { font-size: 1.2rem; }
.doc-foot { margin-top: 3rem; padding-top: .8rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); }

@media (max-width: 44rem) {
  .doc { margin: 0; padding: 1.25rem; border-radius: 0; }
  .toc ul { columns: 1; }
}

@media print {
  @page { margin: 16mm 14mm; }
  html, body { background: #fff; }
  body { font-size: 10.5pt; color: #000; }
  .doc { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .toc { display: none; }
  h2, h3, h4, .label, .gate-head { break-after: avoid; page-break-after: avoid; }
  h2 { margin-top: 1.8rem; }
  table, figure, blockquote, .partner, .view, .gate, .verdict-box, article.conflict, ol.agreements li, dl.facts, dl.stats { break-inside: avoid; page-break-inside: avoid; }
  /* The decision log can run long; its rows stay whole, but the table may break. */
  table.log { break-inside: auto; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th, dl.stats div, blockquote.statement, .not-reached { background: #fff; }
  thead th { border-bottom: 1.5pt solid #000; }
  dl.stats div { border: 1px solid #999; }
  .sev { background: #fff !important; color: #000 !important; border-color: #000 !important; }
  .sev-critical, .sev-high { border-width: 2px; }
  svg .cell rect { stroke: #555; }
  svg .cell.settled rect, svg .cell.parked rect, svg .cell.empty rect { fill: #fff; }
  svg .cell.sev-low rect { fill: #f2f2f2; }
  svg .cell.sev-medium rect { fill: #dedede; }
  svg .cell.sev-high rect { fill: #cacaca; stroke: #000; stroke-width: 2; }
  svg .cell.sev-critical rect { fill: #b8b8b8; stroke: #000; stroke-width: 3; }
  svg .cell.sev-high text, svg .cell.sev-critical text { fill: #000; font-weight: 700; }
  a { color: inherit; text-decoration: none; }
}
"#;
