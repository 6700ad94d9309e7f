// prextract review report: events table (filter, sort, pages), release viewer (marked text loaded
// on demand from its own JSON element) and the link between a record and its evidence.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("report-index").textContent);
  const TYPES = DATA.labels.event_types;
  const STATUSES = DATA.labels.statuses;
  const ENTITIES = DATA.labels.entities;
  const ORG_KINDS = DATA.labels.org_kinds;
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
    (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
  const norm = (s) => String(s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const typeLabel = (t) => (TYPES[t] || {ja: t}).ja;
  const typeColor = (t) => (TYPES[t] || {color: "#8C8C8C"}).color;

  const events = DATA.events;
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const e of events) {  // search keys, computed once
    e._org = norm(e.orgs.join("\n"));
    e._all = norm([e.date, e.parties.join(" "), e.details.map((d) => d.join(" ")).join(" "), e.evidence,
                   DATA.releases[e.doc].source, DATA.releases[e.doc].title].join(" "));
    e._source = DATA.releases[e.doc].source || "";
  }

  // ---------------------------------------------------------------- events table
  const state = {type: "", org: "", year: "", q: "", sort: "date", dir: 1, page: 0, size: 25,
                 active: null, doc: null};
  const tbody = document.querySelector("#events-table tbody");

  function fillFilters() {
    const counts = {};
    for (const e of events) counts[e.type] = (counts[e.type] || 0) + 1;
    const fType = $("f-type");
    for (const t of Object.keys(TYPES).concat(Object.keys(counts).filter((t) => !TYPES[t]))) {
      if (counts[t]) fType.add(new Option(`${typeLabel(t)}（${counts[t]}）`, t));
    }
    const fYear = $("f-year");
    for (const y of DATA.years) fYear.add(new Option(`${y}年`, y));
    if (events.some((e) => !e.year)) fYear.add(new Option("日付なし・年不明", "none"));
    $("org-list").innerHTML = DATA.orgs.map((o) => `<option value="${esc(o)}">`).join("");
  }

  function matches(e) {
    if (state.type && e.type !== state.type) return false;
    if (state.year && (state.year === "none" ? e.year !== "" : e.year !== state.year)) return false;
    if (state.org && !e._org.includes(norm(state.org))) return false;
    if (state.q && !norm(state.q).split(/[,、]/).every((w) => !w || e._all.includes(w))) return false;
    return true;
  }

  const sortKeys = {
    type: (e) => typeLabel(e.type), date: (e) => e.date || "",
    parties: (e) => e.parties.join("、"), source: (e) => e._source, conf: (e) => e.conf || 0,
  };

  function filtered() {
    const key = sortKeys[state.sort];
    const rows = events.filter(matches);
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      if ((x === "") !== (y === "")) return x === "" ? 1 : -1;  // no value: last, either way
      const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "ja");
      return c * state.dir || a._source.localeCompare(b._source) || a.ev[0] - b.ev[0];
    });
    return rows;
  }

  function rowHtml(e) {
    const kind = e.details.length && e.details[0][0] === "種別" ? e.details[0][1] : "";
    const details = e.details.filter((d) => !(kind && d[0] === "種別"))
      .map((d) => `<b>${esc(d[0])}</b> ${esc(d[1])}`).join("　");
    const status = e.status && e.status !== "done"
      ? `<span class="status status-${esc(e.status)}">${esc(STATUSES[e.status] || e.status)}</span>` : "";
    const rel = DATA.releases[e.doc];
    const conf = typeof e.conf === "number" ? e.conf.toFixed(2) : "";
    return `<tr data-ev="${e.id}" id="row-${e.id}" tabindex="0"${state.active === e.id ? ' class="is-active"' : ""}>` +
      `<td><span class="type-chip" style="--c:${typeColor(e.type)}">${esc(typeLabel(e.type))}</span>` +
      (kind ? `<span class="sub">${esc(kind)}</span>` : "") + `</td>` +
      `<td class="mono date">${esc(e.date || "—").replace("/", "/<wbr>")}<br>${status}</td>` +
      `<td><span class="parties">${esc(e.parties.join("、") || "—")}</span>` +
      (details ? `<span class="details">${details}</span>` : "") + `</td>` +
      `<td class="src" title="${esc(rel.title || "")}">${esc(rel.source || "")}</td>` +
      `<td class="num conf${e.conf < 0.7 ? " conf-low" : ""}">${conf}</td></tr>`;
  }

  function renderTable() {
    const rows = filtered();
    const pages = Math.max(1, Math.ceil(rows.length / state.size));
    state.page = Math.min(state.page, pages - 1);
    const slice = rows.slice(state.page * state.size, (state.page + 1) * state.size);
    tbody.innerHTML = slice.length ? slice.map(rowHtml).join("")
      : `<tr><td colspan="5" class="empty">条件に合うイベントはありません。</td></tr>`;
    $("table-status").textContent = `${events.length.toLocaleString()} 件中 ${rows.length.toLocaleString()} 件` +
      (rows.length > state.size ? `（${state.page * state.size + 1}–${state.page * state.size + slice.length} 件目）` : "");
    const pager = $("pager");
    const sizes = [25, 50, 100, 200].map((n) => `<option value="${n}"${n === state.size ? " selected" : ""}>${n} 件</option>`);
    pager.innerHTML = `<label>表示 <select id="page-size">${sizes.join("")}</select></label>` + (pages > 1
      ? `<button type="button" class="ghost" data-page="-1"${state.page ? "" : " disabled"}>‹ 前へ</button>` +
        `<span>${state.page + 1} / ${pages} ページ</span>` +
        `<button type="button" class="ghost" data-page="1"${state.page < pages - 1 ? "" : " disabled"}>次へ ›</button>`
      : "");
    for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
      th.setAttribute("aria-sort", th.dataset.sort === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
    }
  }

  function showRowOf(id) {  // turn to the page that holds the event's row, if it passes the filters
    const rows = filtered();
    const at = rows.findIndex((e) => e.id === id);
    if (at >= 0) state.page = Math.floor(at / state.size);
    renderTable();
  }

  // ---------------------------------------------------------------- release viewer
  const docCache = new Map();
  function docData(i) {
    if (!docCache.has(i)) docCache.set(i, JSON.parse($("doc-" + i).textContent));
    return docCache.get(i);
  }

  function segmentsHtml(doc) {
    // Cut the text at every mark and evidence boundary; each piece knows the marks covering it.
    const text = doc.text;
    const spans = doc.marks.map(([s, e, kind, key]) => ({s, e, kind, key}))
      .concat(doc.evidence.filter(([s, e]) => s != null && e > s).map(([s, e, id]) => ({s, e, ev: id})));
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
    const points = Array.from(cuts).filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    spans.sort((a, b) => a.s - b.s);
    const out = [];
    const labelled = new Set();  // a label on the first mention of each record keeps the text readable
    let next = 0, active = [];
    for (let p = 0; p < points.length - 1; p++) {
      const a = points[p], b = points[p + 1];
      while (next < spans.length && spans[next].s <= a) active.push(spans[next++]);
      active = active.filter((sp) => sp.e > a);
      const piece = esc(text.slice(a, b));
      if (!active.length) { out.push(piece); continue; }
      let ent = null;
      const keys = [], evs = [];
      for (const sp of active) {
        if (sp.ev) { evs.push(sp.ev); continue; }
        if (!keys.includes(sp.key)) keys.push(sp.key);
        if (!ent || sp.e - sp.s < ent.e - ent.s) ent = sp;  // the narrowest mark gives the colour
      }
      let cls = "seg";
      let attrs = "";
      if (ent) {
        cls += ` m m-${ent.kind}`;
        const first = ent.s === a && !labelled.has(ent.kind + ent.key);
        if (first) {
          labelled.add(ent.kind + ent.key);
          cls += " m-start";
          attrs += ` data-l="${esc((ENTITIES[ent.kind] || {ja: ent.kind}).ja)}"`;
        }
        attrs += ` data-k="${esc(keys.join(" "))}"`;
      }
      if (evs.length) attrs += ` data-ev="${evs.join(" ")}"`;
      out.push(`<span class="${cls}"${attrs}>${piece}</span>`);
    }
    return out.join("");
  }

  function chip(key, html, cls) {
    return `<li><button type="button" class="rec ${cls || ""}" data-k="${esc(key)}">${html}</button></li>`;
  }

  function recordsHtml(doc) {
    const parts = [];
    if (doc.events.length) {
      parts.push(`<div><h4>イベント ${doc.events.length}</h4><ul class="rec-events">` + doc.events.map((id) => {
        const e = byId.get(id);
        const what = e.parties.join("、") + (e.details.length ? "　" + e.details.map((d) => d[1]).join(" / ") : "");
        return `<li><button type="button" class="rec" data-ev="${id}"><span class="type-chip" style="--c:${typeColor(e.type)}">` +
          `${esc(typeLabel(e.type))}</span><span class="mono">${esc(e.date || "—")}</span><span class="what">${esc(what)}</span></button></li>`;
      }).join("") + `</ul></div>`);
    }
    if (doc.people.length) {
      parts.push(`<div><h4>人物 ${doc.people.length}</h4><ul class="rec-list">` + doc.people.map((p) =>
        chip(p.k, `${esc(p.name)}` + (p.roles.length ? ` <span class="role">${esc(p.roles.map((r) =>
          (r.org ? r.org + " " : "") + (r.title || "")).join(" / "))}</span>` : ""))).join("") + `</ul></div>`);
    }
    if (doc.orgs.length) {
      parts.push(`<div><h4>組織 ${doc.orgs.length}</h4><ul class="rec-list">` + doc.orgs.map((o) =>
        chip(o.k, `${esc(o.name)} <span class="role">${esc(ORG_KINDS[o.kind] || o.kind || "")}</span>`)).join("") + `</ul></div>`);
    }
    const amounts = doc.dates.map((d) => chip(d.k, `${esc(d.text)} <span class="role">${esc(d.value || "")}</span>`))
      .concat(doc.money.map((m) => chip(m.k, esc(m.text))));
    if (amounts.length) parts.push(`<div><h4>日付・金額 ${amounts.length}</h4><ul class="rec-list">${amounts.join("")}</ul></div>`);
    return parts.join("");
  }

  function showDoc(i) {
    if (state.doc === i) return;
    state.doc = i;
    const rel = DATA.releases[i];
    const doc = docData(i);
    $("doc-select").value = String(i);
    $("doc-prev").disabled = i === 0;
    $("doc-next").disabled = i === DATA.releases.length - 1;
    $("doc-title").textContent = rel.title || rel.source || `リリース ${i + 1}`;
    $("doc-meta").innerHTML = [rel.date && `<span>発表日 ${esc(rel.date)}</span>`,
      rel.issuer && `<span>発表者 ${esc(rel.issuer)}</span>`,
      `<span class="mono">${esc(rel.source || "")}</span>`].filter(Boolean).join("");
    $("doc-records").innerHTML = recordsHtml(doc);
    const problem = $("doc-problem");
    problem.hidden = !doc.problem;
    problem.textContent = doc.problem || "";
    const body = $("doc-text");
    if (doc.text != null) {
      body.classList.remove("evidence-only");
      body.innerHTML = segmentsHtml(doc);
    } else {  // no text to mark: the evidence sentences the records carry
      body.classList.add("evidence-only");
      body.innerHTML = doc.events.map((id) => `<blockquote data-ev="${id}"><span class="type-chip" style="--c:${typeColor(byId.get(id).type)}">` +
        `${esc(typeLabel(byId.get(id).type))}</span><br>${esc(byId.get(id).evidence)}</blockquote>`).join("") ||
        `<p class="empty">このリリースにイベントはありません。</p>`;
    }
  }

  function clearHighlight() {
    for (const el of document.querySelectorAll(".hl, .hl-key, .is-active")) {
      el.classList.remove("hl", "hl-key", "is-active", "flash", "ev-first");
    }
  }

  function reveal(nodes) {
    if (!nodes.length) return;
    nodes[0].classList.add("ev-first");
    // bring the first piece to the upper third of the part of the viewer that is on screen
    const viewer = $("viewer");
    const box = nodes[0].getBoundingClientRect(), frame = viewer.getBoundingClientRect();
    const top = Math.max(frame.top, 0), bottom = Math.min(frame.bottom, window.innerHeight);
    if (bottom - top > 80) viewer.scrollTop += box.top - top - (bottom - top) / 3;
    // a short text cannot scroll inside the viewer: then the page scrolls to it
    const after = nodes[0].getBoundingClientRect();
    if (bottom - top <= 80 || after.top < Math.max(frame.top, 0) || after.bottom > window.innerHeight) {
      nodes[0].scrollIntoView({block: "center"});
    }
    for (const n of nodes) n.classList.add("flash");
  }

  function selectEvent(id, opts) {
    const e = byId.get(id);
    if (!e) return;
    showDoc(e.doc);
    clearHighlight();
    state.active = id;
    const nodes = Array.from(document.querySelectorAll(`#doc-text [data-ev~="${id}"]`));
    for (const n of nodes) n.classList.add("hl");
    for (const el of document.querySelectorAll(`[data-ev="${id}"]:not(.seg)`)) el.classList.add("is-active");
    if (!opts || !opts.keepPage) showRowOf(id);
    const row = $("row-" + id);
    if (row) row.classList.add("is-active");
    reveal(nodes);
    if (location.hash !== "#" + id) history.replaceState(null, "", "#" + id);
  }

  function selectKey(key, button) {
    clearHighlight();
    state.active = null;
    const nodes = Array.from(document.querySelectorAll(`#doc-text [data-k~="${CSS.escape(key)}"]`));
    for (const n of nodes) n.classList.add("hl-key");
    if (button) button.classList.add("is-active");
    reveal(nodes);
  }

  // ---------------------------------------------------------------- wiring
  function setFilter(name, value) {
    state[name] = value;
    state.page = 0;
    renderTable();
  }

  function wire() {
    $("filters").addEventListener("submit", (ev) => ev.preventDefault());
    $("f-type").addEventListener("change", (ev) => setFilter("type", ev.target.value));
    $("f-year").addEventListener("change", (ev) => setFilter("year", ev.target.value));
    $("f-org").addEventListener("input", (ev) => setFilter("org", ev.target.value.trim()));
    $("f-q").addEventListener("input", (ev) => setFilter("q", ev.target.value.trim()));
    $("f-reset").addEventListener("click", () => {
      for (const id of ["f-type", "f-year", "f-org", "f-q"]) $(id).value = "";
      Object.assign(state, {type: "", year: "", org: "", q: "", page: 0});
      if (state.active) showRowOf(state.active); else renderTable();  // stay with the chosen event
    });
    for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
      th.querySelector("button").addEventListener("click", () => {
        state.dir = state.sort === th.dataset.sort ? -state.dir : 1;
        state.sort = th.dataset.sort;
        renderTable();
      });
    }
    $("pager").addEventListener("change", (ev) => {
      if (ev.target.id === "page-size") { state.size = Number(ev.target.value); state.page = 0; renderTable(); }
    });
    $("pager").addEventListener("click", (ev) => {
      const b = ev.target.closest("button[data-page]");
      if (b) { state.page += Number(b.dataset.page); renderTable(); }
    });
    tbody.addEventListener("click", (ev) => {
      const tr = ev.target.closest("tr[data-ev]");
      if (tr) selectEvent(tr.dataset.ev, {keepPage: true});
    });
    tbody.addEventListener("keydown", (ev) => {
      const tr = ev.target.closest("tr[data-ev]");
      if (tr && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); selectEvent(tr.dataset.ev, {keepPage: true}); }
    });
    $("doc-records").addEventListener("click", (ev) => {
      const b = ev.target.closest("button.rec");
      if (!b) return;
      if (b.dataset.ev) selectEvent(b.dataset.ev); else selectKey(b.dataset.k, b);
    });
    const svg = document.querySelector("svg.timeline");
    if (svg) svg.addEventListener("click", (ev) => {
      const a = ev.target.closest("a");
      if (!a) return;
      ev.preventDefault();
      if (a.dataset.ev) {
        selectEvent(a.dataset.ev);
        for (const dot of svg.querySelectorAll("a.is-active")) dot.classList.remove("is-active");
        a.classList.add("is-active");
        $("events").scrollIntoView({block: "start"});
      } else if (a.dataset.type) {
        $("f-type").value = a.dataset.type; $("f-year").value = a.dataset.year;
        Object.assign(state, {type: a.dataset.type, year: a.dataset.year, page: 0});
        renderTable();
        $("events").scrollIntoView({block: "start"});
      }
    });
    for (const b of document.querySelectorAll(".bar-row[data-type]")) {
      b.addEventListener("click", () => {
        $("f-type").value = b.dataset.type;
        setFilter("type", b.dataset.type);
        $("events").scrollIntoView({block: "start"});
      });
    }
    const select = $("doc-select");
    DATA.releases.forEach((r, i) => select.add(new Option(`${r.source || i + 1}　${r.title || ""}`.slice(0, 90), String(i))));
    select.addEventListener("change", () => { clearHighlight(); showDoc(Number(select.value)); $("viewer").scrollTop = 0; });
    $("doc-prev").addEventListener("click", () => { clearHighlight(); showDoc(Math.max(0, state.doc - 1)); });
    $("doc-next").addEventListener("click", () => { clearHighlight(); showDoc(Math.min(DATA.releases.length - 1, state.doc + 1)); });
    $("toggle-labels").addEventListener("change", (ev) => document.body.classList.toggle("show-labels", ev.target.checked));
    window.addEventListener("hashchange", () => {
      const id = location.hash.slice(1);
      if (byId.has(id)) selectEvent(id);
    });
  }

  fillFilters();
  wire();
  renderTable();
  const start = location.hash.slice(1);
  if (byId.has(start)) selectEvent(start);
  else if (DATA.releases.length) showDoc(0);
  document.body.dataset.ready = "1";
})();
