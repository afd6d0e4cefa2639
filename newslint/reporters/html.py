"""The HTML report: one self-contained page an editor can open.

A summary (files, findings per rule and severity, the worst articles first),
then each article as text with every finding's span highlighted by severity,
the findings listed beside it with links to the rule's docs (embedded) and
suggested fixes, and filters by severity and rule that work without a server.
No external scripts, fonts or styles: it opens offline and as a CI artifact.
"""

from __future__ import annotations

import collections
import html
import itertools
import json
from collections.abc import Sequence

from ..findings import Edit, Finding, Severity
from ..model import Source
from . import Report

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _segments(
    text: str, spans: Sequence[tuple[int, int, int]]
) -> list[tuple[int, int, tuple[int, ...]]]:
    """Split ``text`` at every span boundary and line break.

    ``spans`` holds ``(start, end, finding_index)``. Returns
    ``(start, end, covering_finding_indexes)`` pieces that tile the text, so
    overlapping findings and findings over several lines render as flat marks.
    """
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.add(max(0, min(start, len(text))))
        cuts.add(max(0, min(end, len(text))))
    pos = text.find("\n")
    while pos != -1:
        cuts.add(pos)
        cuts.add(pos + 1)
        pos = text.find("\n", pos + 1)
    points = sorted(cuts)
    # Sweep: which spans cover each piece.
    starts: dict[int, list[int]] = collections.defaultdict(list)
    ends: dict[int, list[int]] = collections.defaultdict(list)
    empty: dict[int, list[int]] = collections.defaultdict(list)
    for start, end, index in spans:
        if end <= start:
            empty[start].append(index)
        else:
            starts[start].append(index)
            ends[end].append(index)
    active: set[int] = set()
    out: list[tuple[int, int, tuple[int, ...]]] = []
    for a, b in itertools.pairwise(points):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        if a in empty:
            out.append((a, a, tuple(empty[a])))
        out.append((a, b, tuple(sorted(active))))
    if len(text) in empty:
        out.append((len(text), len(text), tuple(empty[len(text)])))
    return out


def _article_html(
    number: int, path: str, source: Source | None, findings: Sequence[tuple[int, Finding]]
) -> str:
    worst = min((_ORDER[f.severity] for _, f in findings), default=2)
    parts = [
        f'<section class="article" id="article-{number}" data-worst="{worst}">',
        f"<h2>{_e(path)} <small>{len(findings)} finding{'s' if len(findings) != 1 else ''}"
        "</small></h2>",
        '<div class="columns"><div class="text" role="document">',
    ]
    severity_of = {i: f.severity.value for i, f in findings}
    if source is not None:
        text = source.text
        spans = [(f.offset, f.end_offset, i) for i, f in findings]
        line = 1
        parts.append(
            f'<div class="line" dir="auto"><span class="ln">{line}</span><span class="src">'
        )
        for a, b, covering in _segments(text, spans):
            piece = text[a:b]
            if piece == "\n":
                line += 1
                parts.append(
                    f'</span></div><div class="line" dir="auto"><span class="ln">{line}</span>'
                    '<span class="src">'
                )
                continue
            if not covering:
                parts.append(_e(piece))
                continue
            ids = " ".join(f"f{i}" for i in covering)
            sev = min((severity_of[i] for i in covering), key=lambda s: _ORDER[Severity(s)])
            empty = " empty" if a == b else ""
            parts.append(
                f'<mark class="hl sev-{sev}{empty}" data-findings="{ids}">{_e(piece)}</mark>'
            )
        parts.append("</span></div>")
    parts.append('</div><ol class="findings">')
    for i, f in findings:
        fix = ""
        if f.fix is not None and f.fix.edits:
            shown = _fix_html(source, f)
            kind = "fix" if f.fix.safe else "suggestion"
            fix = f'<div class="fix">{kind}: {shown}</div>'
        parts.append(
            f'<li class="finding sev-{f.severity.value}" id="f{i}" data-rule="{_e(f.code)}" '
            f'data-severity="{f.severity.value}" data-line="{f.line}" data-column="{f.column}" '
            f'data-text="{_e(f.text)}">'
            f'<span class="where">{f.line}:{f.column}</span> '
            f'<span class="sev">{f.severity.value}</span> '
            f'<a class="rule" href="#rule-{_e(f.code)}">{_e(f.code)} {_e(f.name)}</a>'
            f'<div class="message">{_e(f.message)}</div>{fix}</li>'
        )
    parts.append("</ol></div></section>")
    return "".join(parts)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fix_html(source: Source | None, f: Finding) -> str:
    """The fix as the flagged text before and after, or per edit when an edit
    reaches outside the flagged text."""
    assert f.fix is not None
    edits = sorted(f.fix.edits, key=lambda e: e.start)
    inside = all(f.offset <= e.start <= e.end <= f.end_offset for e in edits)
    if (
        source is None
        or not inside
        or all(not e.replacement and (e.start, e.end) == (f.offset, f.end_offset) for e in edits)
    ):
        return " · ".join(_edit_html(source, e) for e in edits)
    after, cursor = [], f.offset
    for e in edits:
        after.append(source.text[cursor : e.start] + e.replacement)
        cursor = e.end
    after.append(source.text[cursor : f.end_offset])
    return f"“{_e(_clip(f.text))}” → “{_e(_clip(''.join(after)))}”"


def _edit_html(source: Source | None, edit: Edit) -> str:
    old = source.text[edit.start : edit.end] if source is not None else ""
    shown_old = _e(_clip(old.replace("\n", "⏎")))
    if not edit.replacement:
        return f"remove “{shown_old}”"
    return f"“{shown_old}” → “{_e(_clip(edit.replacement))}”"


def render(report: Report) -> str:
    from ..catalogue import builtin

    findings = list(report.findings)
    indexed = list(enumerate(findings))
    by_path: dict[str, list[tuple[int, Finding]]] = collections.defaultdict(list)
    for i, f in indexed:
        by_path[f.path].append((i, f))
    per_rule = collections.Counter((f.code, f.name) for f in findings)
    per_severity = collections.Counter(f.severity.value for f in findings)
    paths = list(dict.fromkeys([*report.paths, *by_path]))
    worst_first = sorted(
        by_path,
        key=lambda p: (
            min(_ORDER[f.severity] for _, f in by_path[p]),
            -len(by_path[p]),
            paths.index(p),
        ),
    )
    catalogue = builtin()
    rule_docs = []
    for code, _name in sorted(per_rule):
        rule = catalogue.get(code)
        docs = rule.docs() if rule is not None else ""
        rule_docs.append(
            f'<details class="doc" id="rule-{_e(code)}"><summary>{_e(code)} {_e(_name)}</summary>'
            f"<pre>{_e(docs)}</pre></details>"
        )
    rule_rows = "".join(
        f'<tr><td><label><input type="checkbox" class="rule-filter" value="{_e(code)}" checked> '
        f'{_e(code)}</label></td><td><a href="#rule-{_e(code)}">{_e(name)}</a></td>'
        f"<td>{count}</td></tr>"
        for (code, name), count in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    severity_boxes = "".join(
        f'<label class="sev-{s}"><input type="checkbox" class="severity-filter" value="{s}" '
        f"checked> {s} ({per_severity.get(s, 0)})</label> "
        for s in ("error", "warning", "info")
    )
    worst_rows = "".join(
        f'<li><a href="#article-{n}">{_e(p)}</a> — {len(by_path[p])}</li>'
        for n, p in enumerate(worst_first)
    )
    articles = "".join(
        _article_html(n, p, report.sources.get(p), by_path[p]) for n, p in enumerate(worst_first)
    )
    clean = len(paths) - len(by_path)
    data = json.dumps({"findings": len(findings), "files": len(paths)})
    return _PAGE.format(
        style=_STYLE,
        script=_SCRIPT,
        files=len(paths),
        flagged=len(by_path),
        clean=clean,
        total=len(findings),
        severity_boxes=severity_boxes,
        rule_rows=rule_rows,
        worst_rows=worst_rows,
        articles=articles,
        docs="".join(rule_docs),
        data=_e(data),
    )


_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;
background:#fafafa}
header,main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.1rem;margin:0 0 .5rem;word-break:break-all}
h2 small{font-weight:normal;color:#666;margin-left:.5rem}
.summary{display:flex;gap:2rem;flex-wrap:wrap}.summary table{border-collapse:collapse}
.summary td{padding:.1rem .6rem .1rem 0}
.filters label{margin-right:1rem;white-space:nowrap}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0}
.article.hidden,.finding.hidden{display:none}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
.text{font-family:Georgia,serif;font-size:15px}
.line{display:flex;gap:.6rem}.ln{color:#999;min-width:2.5em;text-align:right;user-select:none;
font:12px/1.9 ui-monospace,monospace}
.src{white-space:pre-wrap;word-break:break-word;unicode-bidi:plaintext;flex:1;min-height:1.4em}
mark.hl{border-radius:2px;padding:0;background:transparent;color:inherit}
mark.hl.sev-error.on{background:#ffc9c9;box-shadow:0 2px 0 #e03131}
mark.hl.sev-warning.on{background:#ffec99;box-shadow:0 2px 0 #f08c00}
mark.hl.sev-info.on{background:#d0ebff;box-shadow:0 2px 0 #1c7ed6}
mark.hl.empty.on::after{content:"\\2038";color:#e03131}
.findings{margin:0;padding-left:1.2rem;font-size:14px}.finding{margin-bottom:.6rem}
.where{font-family:ui-monospace,monospace;color:#555}.sev{font-weight:600}
.finding.sev-error .sev{color:#c92a2a}.finding.sev-warning .sev{color:#d9480f}
.finding.sev-info .sev{color:#1864ab}
.fix{color:#2b8a3e;font-size:13px}.doc pre{white-space:pre-wrap;font-size:13px;background:#f4f4f4;
padding:.6rem}
.finding.focus{outline:2px solid #1c7ed6}
@media (max-width:800px){.columns{grid-template-columns:1fr}}
"""

_SCRIPT = """
(function(){
  function visible(li){
    var sev=document.querySelector('.severity-filter[value="'+li.dataset.severity+'"]');
    var rule=document.querySelector('.rule-filter[value="'+li.dataset.rule+'"]');
    return (!sev||sev.checked)&&(!rule||rule.checked);
  }
  function apply(){
    var shown={};
    document.querySelectorAll('li.finding').forEach(function(li){
      var v=visible(li); li.classList.toggle('hidden',!v); if(v){shown[li.id]=true;}
    });
    document.querySelectorAll('mark.hl').forEach(function(m){
      var on=m.dataset.findings.split(' ').some(function(id){return shown[id];});
      m.classList.toggle('on',on);
    });
    document.querySelectorAll('section.article').forEach(function(s){
      s.classList.toggle('hidden',!s.querySelector('li.finding:not(.hidden)'));
    });
    var n=Object.keys(shown).length, c=document.getElementById('shown-count');
    if(c){c.textContent=String(n);}
  }
  document.querySelectorAll('.severity-filter,.rule-filter').forEach(function(box){
    box.addEventListener('change',apply);
  });
  document.querySelectorAll('mark.hl').forEach(function(m){
    m.addEventListener('click',function(){
      var id=m.dataset.findings.split(' ')[0], li=document.getElementById(id);
      document.querySelectorAll('.finding.focus').forEach(function(x){x.classList.remove('focus');});
      if(li){li.classList.add('focus');li.scrollIntoView({block:'nearest'});}
    });
  });
  apply();
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="newslint">
<title>newslint report</title><style>{style}</style></head>
<body data-report="{data}">
<header><h1>newslint report</h1>
<p>{total} findings in {flagged} of {files} files ({clean} clean). Showing
<span id="shown-count">{total}</span>.</p>
<div class="summary">
<div><h3>Severity</h3><div class="filters">{severity_boxes}</div>
<h3>Worst articles</h3><ol>{worst_rows}</ol></div>
<div><h3>Rules</h3><table>{rule_rows}</table></div>
</div></header>
<main>{articles}<h2>Rules</h2>{docs}</main>
<script>{script}</script>
</body></html>
"""
