"use strict";
// The table of all models, rendered from the JSON block #audit-data (written by auditor/render/html.py).
// Data from model cards is only ever set as text (textContent), never parsed as HTML.
// Model fields: i id, o org index, c class index, f flag (2 error, 1 warning, 0 none), l license label,
// k finding-code indexes, e error count, sha, u link (http/https only), dl declared, n license name, m matcher,
// r reason, osd OSD clauses, cl claims [file, line, quote], fi findings [code, severity, message, evidence,
// suppression reason], de detections [matcher, class index, name, evidence, clauses], b base models,
// er errors [code, message, file]. Strings are indexes into D.strings (-1: none); evidence is
// [source, file, line, quote].
(function () {
  const D = JSON.parse(document.getElementById("audit-data").textContent);
  const S = (i) => (typeof i === "number" && i >= 0 ? D.strings[i] : null);
  const PAGE = 100;
  const FLAG = ["no", "warning", "error"];
  const $ = (id) => document.getElementById(id);
  const state = { page: 0, matches: D.models, open: new Set() };
  let haystacks = null;

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === "") continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }

  function link(url, text) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return text;
    const a = el("a", null, text);
    a.href = url;
    a.rel = "noopener noreferrer nofollow";
    return a;
  }

  function badge(label) {
    return el("span", "badge " + label, label);
  }

  function where(ev) {
    const file = S(ev[1]);
    const line = ev[2] > 0 ? " line " + ev[2] : "";
    const place = (file || S(ev[0]) || "") + line;
    const quote = S(ev[3]);
    return el("li", null, place ? place + ": " : "", quote ? el("q", null, quote) : "");
  }

  function section(title, items) {
    if (!items.length) return null;
    return el("div", null, el("h4", null, title), el("ul", null, ...items));
  }

  function details(m) {
    const cls = (i) => (i >= 0 ? D.classes[i] : "");
    const terms = [S(m.n) || S(m.l), S(m.m) ? " (decided by " + S(m.m) + ")" : "", S(m.r) ? ": " + S(m.r) : ""].join("");
    const box = el("div", null,
      el("p", null, link(m.u, m.u ? "Open " + m.i + " on the Hub" : ""), m.sha ? " commit " + m.sha : ""),
      section("License", [
        el("li", null, "declared: " + (m.dl.map(S).join(", ") || "nothing")),
        el("li", null, "governing terms: " + terms),
        ...(m.osd.length ? [el("li", null, "breaks " + m.osd.map(S).join(", "))] : []),
      ]),
      section("Claims", m.cl.map((c) => where([-1, c[0], c[1], c[2]]))),
      section("Findings", m.fi.map((f) => el("li", null, badge(S(f[1])), " " + D.codes[f[0]] + ": " + S(f[2]),
        f[4] >= 0 ? el("span", "muted", " (suppressed: " + S(f[4]) + ")") : "",
        f[3].length ? el("ul", null, ...f[3].map(where)) : ""))),
      section("Evidence per matcher", m.de.map((d) => el("li", null, S(d[0]) + " → " + cls(d[1]) + (S(d[2]) ? ": " + S(d[2]) : ""),
        el("ul", null, ...(d[3] ? [where(d[3])] : []),
          ...d[4].map((c) => el("li", null, S(c[0]), c[1].length ? el("ul", null, ...c[1].map(where)) : "")))))),
      section("Lineage", m.b.length ? [el("li", null, [m.i, ...m.b].join(" ← "))] : []),
      section("Errors", m.er.map((e) => el("li", null, S(e[0]) + (S(e[2]) ? " (" + S(e[2]) + ")" : "") + ": " + S(e[1])))),
    );
    const cell = el("td", null, box);
    cell.colSpan = 7;
    return el("tr", "detail", cell);
  }

  function row(m) {
    const button = el("button", null, state.open.has(m.i) ? "hide" : "details");
    button.type = "button";
    button.setAttribute("aria-expanded", state.open.has(m.i) ? "true" : "false");
    const tr = el("tr", m.f ? "flagged" : null,
      el("td", null, link(m.u, m.i)), el("td", null, badge(D.classes[m.c])), el("td", null, S(m.l)),
      el("td", null, m.f ? badge(FLAG[m.f]) : "no"), el("td", null, m.k.map((k) => D.codes[k]).join(", ")),
      el("td", "num", m.e ? String(m.e) : ""), el("td", null, button));
    tr.dataset.model = m.i;
    button.addEventListener("click", () => {
      if (state.open.has(m.i)) state.open.delete(m.i); else state.open.add(m.i);
      draw();
    });
    return tr;
  }

  function draw() {
    const total = state.matches.length;
    const pages = Math.max(1, Math.ceil(total / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * PAGE;
    const rows = [];
    for (const m of state.matches.slice(start, start + PAGE)) {
      rows.push(row(m));
      if (state.open.has(m.i)) rows.push(details(m));
    }
    $("model-rows").replaceChildren(...rows);
    const count = $("match-count");
    count.textContent = total + " of " + D.models.length + " models match";
    count.dataset.count = String(total);
    $("p-label").textContent = total ? "rows " + (start + 1) + "–" + Math.min(start + PAGE, total) + " of " + total : "no rows";
    $("p-prev").disabled = state.page === 0;
    $("p-next").disabled = state.page >= pages - 1;
    $("pager").hidden = pages < 2;
  }

  function haystack(m) {
    return [m.i, S(m.l), S(m.n), S(m.r), ...m.k.map((k) => D.codes[k]), ...m.dl.map(S)].join("\n").toLowerCase();
  }

  function apply() {
    const cls = $("f-class").value, flag = $("f-flagged").value, org = $("f-org").value, code = $("f-code").value;
    const errors = $("f-errors").checked;
    const words = $("f-search").value.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length && !haystacks) haystacks = D.models.map(haystack);
    const c = cls === "" ? -1 : Number(cls), o = org === "" ? -1 : Number(org), k = code === "" ? -1 : Number(code);
    const wanted = { flagged: (f) => f > 0, error: (f) => f === 2, warning: (f) => f === 1, no: (f) => f === 0 }[flag];
    const out = [];
    D.models.forEach((m, index) => {
      if (c >= 0 && m.c !== c) return;
      if (o >= 0 && m.o !== o) return;
      if (k >= 0 && !m.k.includes(k)) return;
      if (wanted && !wanted(m.f)) return;
      if (errors && !m.e) return;
      if (words.length && !words.every((w) => haystacks[index].includes(w))) return;
      out.push(m);
    });
    state.matches = out;
    state.page = 0;
    draw();
  }

  function options(select, labels, titles) {
    labels.forEach((label, index) => {
      const option = el("option", null, label);
      option.value = String(index);
      if (titles && titles[index]) option.title = titles[index];
      select.append(option);
    });
  }

  options($("f-class"), D.classes);
  options($("f-org"), D.orgs);
  options($("f-code"), D.codes, D.help);
  for (const id of ["f-class", "f-flagged", "f-org", "f-code", "f-errors"]) $(id).addEventListener("change", apply);
  $("f-search").addEventListener("input", apply);
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  $("p-prev").addEventListener("click", () => { state.page -= 1; draw(); });
  $("p-next").addEventListener("click", () => { state.page += 1; draw(); });
  $("filters").hidden = false;
  $("model-table").hidden = false;
  draw();
  document.documentElement.dataset.ready = "true";
})();
