"use strict";
// The explorer: every entity and relation of the graph travels in #kg-data; the canvas shows the
// part the controls select. Text from the graph is only ever set with textContent.
(() => {
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const [TYPE, LABEL_AR, LABEL_EN, WIKIDATA, MENTIONS, SIZE] = [1, 2, 3, 4, 5, 6];
  const [SOURCE, TARGET, PREDICATE, SUPPORT] = [0, 1, 2, 3];
  const [DATE, ARTICLE, SENTENCE, REPORTER] = [0, 1, 2, 3];
  const MAX_RESULTS = 8;
  const MAX_SUPPORT_SHOWN = 20;
  const $ = id => document.getElementById(id);

  const fold = text => Array.from(text || "", ch => (ch in DATA.fold ? DATA.fold[ch] : ch))
    .join("").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  const nodes = DATA.nodes;
  const edges = DATA.edges;
  const folded = nodes.map(node => [fold(node[LABEL_AR]), fold(node[LABEL_EN])]);
  const incident = nodes.map(() => []);
  edges.forEach((edge, index) => {
    incident[edge[SOURCE]].push(index);
    if (edge[TARGET] !== edge[SOURCE]) incident[edge[TARGET]].push(index);
  });
  const degree = incident.map(list => list.reduce((sum, e) => sum + edges[e][SUPPORT].length, 0));
  const overviewPosition = new Map(DATA.overview.map((node, i) => [node, DATA.layout.overview[i]]));
  const dates = edges.flatMap(edge => edge[SUPPORT].map(s => s[DATE]).filter(Boolean)).sort();
  const firstDate = dates[0] || "", lastDate = dates[dates.length - 1] || "";

  const state = {
    mode: "overview",
    predicates: new Set(DATA.predicates),
    types: new Set(Object.keys(DATA.types)),
    since: firstDate,
    until: lastDate,
    added: new Set(),   // entities brought in by a search or a double-click
    placed: new Map(),  // where those were put, in overview mode
  };

  // How many of an edge's sentences pass the relation and date filters (0: the edge is hidden).
  function shownSupport(edge) {
    if (!state.predicates.has(DATA.predicates[edge[PREDICATE]])) return 0;
    if (!state.types.has(nodes[edge[SOURCE]][TYPE]) || !state.types.has(nodes[edge[TARGET]][TYPE])) return 0;
    const dated = state.since !== firstDate || state.until !== lastDate;
    if (!dated) return edge[SUPPORT].length;
    return edge[SUPPORT].filter(s => s[DATE] && s[DATE] >= state.since && s[DATE] <= state.until).length;
  }

  function shownEdges() {
    const base = state.mode === "all" ? null : new Set([...overviewPosition.keys(), ...state.added]);
    const shown = new Map();
    edges.forEach((edge, index) => {
      if (base && !(base.has(edge[SOURCE]) && base.has(edge[TARGET]))) return;
      const count = shownSupport(edge);
      if (count) shown.set(index, count);
    });
    return shown;
  }

  function position(node) {
    if (state.mode === "all") return DATA.layout.all[node] || state.placed.get(node) || [0, 0];
    return overviewPosition.get(node) || state.placed.get(node) || [0, 0];
  }

  const style = type => DATA.types[type];
  const typeBox = type => $(`kg-type-${type || "untyped"}`);
  const nodeLabel = node => (node[LABEL_EN] ? `${node[LABEL_AR]}\n${node[LABEL_EN]}` : node[LABEL_AR]);
  const tooltip = text => { const div = document.createElement("div"); div.textContent = text; return div; };

  function visNode(index) {
    const node = nodes[index];
    const [colour, shape] = style(node[TYPE]);
    const [x, y] = position(index);
    return {
      id: index, x, y, label: nodeLabel(node), shape, color: colour,
      size: node[SIZE],
      title: tooltip(`${nodeLabel(node)}\n${degree[index]} sentences`),
    };
  }

  function visEdge(index, count) {
    const edge = edges[index];
    const predicate = DATA.predicates[edge[PREDICATE]];
    return {
      id: index, from: edge[SOURCE], to: edge[TARGET],
      label: count > 1 ? `${predicate} ×${count}` : predicate,
      width: 1 + 1.5 * Math.log2(count),
      title: tooltip(`${nodes[edge[SOURCE]][LABEL_AR]} —${predicate}→ ${nodes[edge[TARGET]][LABEL_AR]}\n${count} sentences`),
    };
  }

  const shownNodes = new vis.DataSet();
  const shownLinks = new vis.DataSet();
  const network = new vis.Network($("kg-network"), {nodes: shownNodes, edges: shownLinks}, {
    physics: {enabled: false},
    layout: {improvedLayout: false},
    nodes: {font: {size: DATA.font, strokeWidth: 3, strokeColor: "#ffffff"}, borderWidth: 1},
    edges: {
      arrows: {to: {enabled: true, scaleFactor: 0.5}},
      font: {size: 10, align: "middle"},
      color: {color: "#9aa", highlight: "#c33", hover: "#555"},
      smooth: {enabled: true, type: "curvedCW", roundness: 0.12},
    },
    interaction: {hover: true, tooltipDelay: 200, hideEdgesOnDrag: true},
  });

  // Redraw what the controls select, keeping the entities already drawn where they are.
  function render(fit) {
    const links = shownEdges();
    const wanted = new Set();
    links.forEach((_, index) => { wanted.add(edges[index][SOURCE]); wanted.add(edges[index][TARGET]); });
    state.added.forEach(node => { if (state.types.has(nodes[node][TYPE])) wanted.add(node); });
    shownLinks.remove(shownLinks.getIds().filter(id => !links.has(id)));
    shownNodes.remove(shownNodes.getIds().filter(id => !wanted.has(id)));
    shownNodes.add([...wanted].filter(id => !shownNodes.get(id)).map(visNode));
    shownLinks.update([...links].map(([index, count]) => visEdge(index, count)));
    $("kg-status").textContent =
      `${shownNodes.length} of ${nodes.length} entities · ${shownLinks.length} of ${edges.length} relations`;
    if (fit) network.fit({animation: false});
  }

  function redrawAll(mode) {
    state.mode = mode;
    state.added.clear();
    state.placed.clear();
    shownNodes.clear();
    shownLinks.clear();
    render(true);
  }

  // Bring in a node's neighbours from the whole graph, on a ring around it.
  function expand(node) {
    state.added.add(node);
    if (state.mode !== "all" && !overviewPosition.has(node) && !state.placed.has(node)) state.placed.set(node, [0, 0]);
    const centre = shownNodes.get(node) ? network.getPositions([node])[node] : {x: 0, y: 0};
    if (shownNodes.get(node) && state.placed.has(node)) state.placed.set(node, [centre.x, centre.y]);
    const fresh = [];
    incident[node].forEach(index => {
      if (!shownSupport(edges[index])) return;
      const other = edges[index][SOURCE] === node ? edges[index][TARGET] : edges[index][SOURCE];
      if (!state.added.has(other)) { state.added.add(other); fresh.push(other); }
    });
    const unplaced = fresh.filter(other => !overviewPosition.has(other) && !shownNodes.get(other));
    const radius = 160 + 12 * unplaced.length;
    unplaced.forEach((other, i) => {
      const angle = (2 * Math.PI * i) / unplaced.length;
      state.placed.set(other, [centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle)]);
    });
    render(false);
  }

  function focus(node) {
    if (!state.types.has(nodes[node][TYPE])) {
      state.types.add(nodes[node][TYPE]);
      typeBox(nodes[node][TYPE]).checked = true;
    }
    expand(node);
    network.selectNodes([node]);
    network.focus(node, {scale: 1.1, animation: false});
    showPanel(node);
  }

  function search() {
    const wanted = fold($("kg-search").value);
    const list = $("kg-results");
    list.replaceChildren();
    if (!wanted) return;
    const rank = index => {
      const [ar, en] = folded[index];
      if (ar === wanted || en === wanted) return 0;
      if (ar.startsWith(wanted) || en.startsWith(wanted)) return 1;
      return ar.includes(wanted) || en.includes(wanted) ? 2 : 3;
    };
    const matches = nodes.map((_, index) => [rank(index), -degree[index], index])
      .filter(([r]) => r < 3).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).slice(0, MAX_RESULTS);
    matches.forEach(([, , index]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = nodeLabel(nodes[index]).replace("\n", " · ");
      button.addEventListener("click", () => { list.replaceChildren(); focus(index); });
      const item = document.createElement("li");
      item.append(button);
      list.append(item);
    });
    if (matches.length) focus(matches[0][2]);
  }

  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text) made.textContent = text;
    if (className) made.className = className;
    return made;
  }

  // The entity's relations grouped by predicate, each with its sentences, under the filters.
  function showPanel(node) {
    const panel = $("kg-panel");
    const entity = nodes[node];
    panel.replaceChildren();
    panel.append(element("h2", entity[LABEL_AR]));
    const about = [entity[LABEL_EN], style(entity[TYPE])[2], entity[WIKIDATA] && `Wikidata ${entity[WIKIDATA]}`,
                   `${entity[MENTIONS]} mentions`];
    panel.append(element("div", about.filter(Boolean).join(" · "), "kg-meta"));
    const groups = new Map();
    incident[node].forEach(index => {
      if (!shownSupport(edges[index])) return;
      const predicate = DATA.predicates[edges[index][PREDICATE]];
      groups.set(predicate, (groups.get(predicate) || []).concat([index]));
    });
    DATA.predicates.filter(p => groups.has(p)).forEach(predicate => {
      const rows = groups.get(predicate).flatMap(index => {
        const edge = edges[index];
        const outgoing = edge[SOURCE] === node;
        const other = nodes[outgoing ? edge[TARGET] : edge[SOURCE]];
        return edge[SUPPORT].filter(s => shownSupport([edge[SOURCE], edge[TARGET], edge[PREDICATE], [s]]))
          .map(support => [outgoing, other, support]);
      });
      panel.append(element("h3", `${predicate} (${rows.length})`));
      const list = element("ul");
      rows.slice(0, MAX_SUPPORT_SHOWN).forEach(([outgoing, other, support]) => {
        const item = element("li");
        item.append(element("div", `${outgoing ? "→" : "←"} ${nodeLabel(other).replace("\n", " · ")}`, "kg-other"));
        item.append(element("p", support[SENTENCE], "kg-evidence"));
        const [title, url] = DATA.articles[support[ARTICLE]];
        const meta = element("div", "", "kg-meta");
        if (support[DATE]) meta.append(support[DATE], " · ");
        // Only web addresses become links: a javascript: or data: URL stays text.
        if (/^https?:\/\//i.test(url)) {
          const link = element("a", title);
          link.setAttribute("href", url);
          link.setAttribute("target", "_blank");
          link.setAttribute("rel", "noopener noreferrer");
          meta.append(link);
        } else {
          meta.append(title);
        }
        if (support[REPORTER]) meta.append(` · reported by ${support[REPORTER]}`);
        item.append(meta);
        list.append(item);
      });
      if (rows.length > MAX_SUPPORT_SHOWN) list.append(element("li", `… and ${rows.length - MAX_SUPPORT_SHOWN} more`, "kg-meta"));
      panel.append(list);
    });
    if (!groups.size) panel.append(element("p", "No relation under the current filters.", "kg-meta"));
    panel.hidden = false;
  }

  function checkbox(parent, id, text, count, colour, onChange) {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox";
    box.id = id;
    box.checked = true;
    box.addEventListener("change", () => onChange(box.checked));
    label.append(box, " ");
    const name = element("span", text);
    if (colour) name.style.color = colour;
    label.append(name, " ", element("span", String(count), "kg-count"));
    parent.append(label);
  }

  function toggle(set, value, on) {
    if (on) set.add(value); else set.delete(value);
    render(false);
  }

  const typeCounts = {}, predicateCounts = {};
  nodes.forEach(node => { typeCounts[node[TYPE]] = (typeCounts[node[TYPE]] || 0) + 1; });
  edges.forEach(edge => {
    const predicate = DATA.predicates[edge[PREDICATE]];
    predicateCounts[predicate] = (predicateCounts[predicate] || 0) + edge[SUPPORT].length;
  });
  Object.entries(DATA.types).forEach(([type, [colour, , english, arabic]]) => checkbox(
    $("kg-types"), `kg-type-${type || "untyped"}`, `● ${english} · ${arabic}`, typeCounts[type] || 0, colour,
    on => toggle(state.types, type, on)));
  DATA.predicates.filter(p => predicateCounts[p]).forEach(predicate => checkbox(
    $("kg-predicates"), `kg-predicate-${predicate}`, predicate, predicateCounts[predicate], null,
    on => toggle(state.predicates, predicate, on)));
  for (const [id, key] of [["kg-since", "since"], ["kg-until", "until"]]) {
    const input = $(id);
    input.min = firstDate;
    input.max = lastDate;
    input.value = state[key];
    input.disabled = !firstDate;
    input.addEventListener("change", () => {
      state[key] = input.value || (key === "since" ? firstDate : lastDate);
      render(false);
    });
  }
  let typing = null;
  $("kg-search").addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(search, 150); });
  $("kg-search").addEventListener("keydown", event => { if (event.key === "Enter") { clearTimeout(typing); search(); } });
  // The list of matches closes when the reader turns to anything else on the page.
  document.addEventListener("pointerdown", event => {
    if (!$("kg-bar").contains(event.target)) $("kg-results").replaceChildren();
  });
  $("kg-overview").addEventListener("click", () => redrawAll("overview"));
  $("kg-all").addEventListener("click", () => redrawAll("all"));
  network.on("click", params => { if (params.nodes.length) showPanel(params.nodes[0]); });
  network.on("doubleClick", params => { if (params.nodes.length) expand(params.nodes[0]); });

  render(true);
  network.once("afterDrawing", () => { window.kgReady = performance.now(); });
  window.kg = {network, nodes: shownNodes, edges: shownLinks, data: DATA, fold};
})();
