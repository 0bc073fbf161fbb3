// The org chart's layout and SVG drawing (window.OrgChartDrawing): boxes, the tree's edges and the
// cross-links, as a function of the loaded tree and the view settings only. It touches no DOM and
// makes no request, so the page decides when to draw and where the result goes. Our own layout and
// drawing: the usual org-chart libraries are not published where the build can fetch them, and
// plain SVG prints as sharp vector text.
(function () {
  const W = 200, H = 64, GAP_X = 20, GAP_Y = 46, STACK_GAP = 10, INDENT = 16, ROWS = 8;
  // A community committee's box has a fourth line: its grid and building-head coverage, the
  // figures a street's first view is read for.
  const FIGURES_H = 86;
  const heightOf = n => (n.type === 'org' && n.kind === 'COMMUNITY_COMMITTEE' ? FIGURES_H : H);
  const OW = 176, OH = 42;

  const LINK_COLORS = { PART_TIME_MEMBER: '#1565c0', CO_BUILDING: '#2e7d32', REGISTERED: '#00838f', ALLIANCE_LEADER: '#6a1b9a',
    ALLIANCE_MEMBER: '#8e24aa', ALLIANCE_SITE: '#ad1457', SITE: '#5d4037', INSTRUCTOR: '#ef6c00' };
  const CSS_CLASS = { STREET_WORKING_COMMITTEE: 'street', COMMUNITY_COMMITTEE: 'community', GRID_BRANCH: 'branch', BUILDING_GROUP: 'group' };

  const { escape } = PN;
  // Rough width of a text in pixels: CJK glyphs are square, others about half as wide.
  const textWidth = (s, size) => [...String(s)].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.6), 0);
  // An SVG text that is squeezed to fit its box when it would not (names can be long).
  const fitted = (s, size, room, attrs) => `<text ${attrs}${textWidth(s, size) > room ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : ''}>${escape(s)}</text>`;

  // One drawing of `scene`, the one object the page passes in:
  //   nodes      Map id → node, as the page loaded them (type 'org' or 'building', children ids, expanded)
  //   root       id of the box at the top
  //   compact    stack childless children in columns instead of one wide row
  //   room       the width the drawing may take without shrinking (screen pixels at readable size), or
  //              undefined: stacked columns beyond it become longer columns instead
  //   links      whether cross-links are shown; crossLinks the loaded ones, or null
  //   hits       ids that search found; selected the id in the details panel, or null
  //   hit        the radius of a toggle's tap area in drawing units (default 12)
  //   text       the words of the page's language; kindName(kind) an organization kind's name
  // The result: the boxes' positions (id → { x, y, w, h, node | outside }), the drawing's bounds
  // and its SVG markup; without a root box, only an empty map of positions.
  function draw(scene) {
    const t = scene.text;
    const positions = new Map();
    // Widths and stacks of the subtrees, kept here so that drawing does not write into the nodes.
    const width = new Map(), stack = new Map(), rows = new Map();
    // As many stacked columns as fit the room, each at least ROWS long.
    const columnsFit = Math.max(1, Math.floor(((scene.room ?? Infinity) - 40 - INDENT + GAP_X) / (W + GAP_X)));

    // --- layout ------------------------------------------------------------------------------

    const visibleChildren = n => (n.expanded && n.children ? n.children.map(id => scene.nodes.get(id)).filter(Boolean) : []);

    function measure(n) {
      const kids = visibleChildren(n);
      stack.set(n.id, 0);
      if (!kids.length) return width.set(n.id, W).get(n.id);
      kids.forEach(measure);
      if (scene.compact && kids.length > 1 && kids.every(k => !visibleChildren(k).length)) {
        rows.set(n.id, Math.max(ROWS, Math.ceil(kids.length / columnsFit)));
        stack.set(n.id, Math.ceil(kids.length / rows.get(n.id)));
        return width.set(n.id, Math.max(W, INDENT + stack.get(n.id) * (W + GAP_X) - GAP_X)).get(n.id);
      }
      return width.set(n.id, Math.max(W, kids.reduce((s, k) => s + width.get(k.id), 0) + GAP_X * (kids.length - 1))).get(n.id);
    }

    function place(n, left, top, edges) {
      const x = left + (width.get(n.id) - W) / 2;
      const h = heightOf(n);
      positions.set(n.id, { x, y: top, w: W, h, node: n });
      const kids = visibleChildren(n);
      // children of one level side by side start below the tallest of them
      const kidH = Math.max(H, ...kids.map(heightOf));
      if (stack.get(n.id)) {
        const blockWidth = INDENT + stack.get(n.id) * (W + GAP_X) - GAP_X, perColumn = rows.get(n.id);
        const x0 = left + (width.get(n.id) - blockWidth) / 2 + INDENT;
        kids.forEach((k, i) => {
          const kx = x0 + Math.floor(i / perColumn) * (W + GAP_X), ky = top + h + GAP_Y + (i % perColumn) * (kidH + STACK_GAP);
          positions.set(k.id, { x: kx, y: ky, w: W, h: heightOf(k), node: k });
          edges.push(`M${x + W / 2},${top + h}V${top + h + GAP_Y / 2}H${kx - INDENT / 2}V${ky + heightOf(k) / 2}H${kx}`);
        });
        return;
      }
      let cx = left + (width.get(n.id) - (kids.reduce((s, k) => s + width.get(k.id), 0) + GAP_X * (kids.length - 1))) / 2;
      kids.forEach(k => {
        place(k, cx, top + h + GAP_Y, edges);
        const p = positions.get(k.id);
        edges.push(`M${x + W / 2},${top + h}V${top + h + GAP_Y / 2}H${p.x + W / 2}V${p.y}`);
        cx += width.get(k.id) + GAP_X;
      });
    }

    // The nearest box on screen for an organization that may lie in a collapsed subtree.
    function visibleBox(org) {
      if (positions.has(org.id)) return positions.get(org.id);
      const above = (org.ancestors || []).map(a => a.id).reverse();
      for (const id of above) if (positions.has(id)) return positions.get(id);
      return null;
    }

    // Outside nodes in three columns right of the tree: sites; alliances and instructors; units.
    function placeCrossLinks(treeRight) {
      const links = [];
      if (!scene.links || !scene.crossLinks) return links;
      const columns = [[], [], []];
      const outside = new Map();
      const columnOf = n => n.__typename === 'Area' ? 0 : (n.__typename === 'Unit' ? 2 : 1);
      scene.crossLinks.forEach(l => [l.from, l.to].forEach(n => {
        if (n.__typename !== 'Organization' && !outside.has(n.id)) { outside.set(n.id, n); columns[columnOf(n)].push(n); }
      }));
      const top = positions.get(scene.root)?.y ?? 0;
      columns.forEach((column, c) => column.forEach((n, i) => {
        positions.set(n.id, { x: treeRight + 120 + c * (OW + 110), y: top + i * (OH + 12), w: OW, h: OH, outside: n });
      }));
      scene.crossLinks.forEach(l => {
        const a = l.from.__typename === 'Organization' ? visibleBox(l.from) : positions.get(l.from.id);
        const b = l.to.__typename === 'Organization' ? visibleBox(l.to) : positions.get(l.to.id);
        if (a && b) links.push({ link: l, a, b });
      });
      return links;
    }

    // --- drawing -----------------------------------------------------------------------------

    // A pill with its figure, its left edge at x.
    function badgeSvg(b, x, y) {
      const bw = textWidth(b.text, 11) + 12;
      return { w: bw, svg: `<g class="badge ${b.cls}" transform="translate(${x},${y})">`
        + `<rect width="${bw}" height="16" rx="8"/><text x="${bw / 2}" y="12" text-anchor="middle">${escape(b.text)}</text></g>` };
    }

    // One figure right of the kind's line; a community's two on a line of their own.
    function figures(n, badges) {
      if (n.kind === 'COMMUNITY_COMMITTEE') {
        let x = 8;
        return badges.map(b => {
          const drawn = badgeSvg(b, x, 61);
          x += drawn.w + 6;
          return drawn.svg;
        }).join('');
      }
      return badges.map(b => badgeSvg(b, W - 6 - (textWidth(b.text, 11) + 12), 25).svg).join('');
    }

    function boxSvg(p) {
      const n = p.node, d = describe(n, t, scene.kindName);
      const classes = ['box', d.css];
      if (scene.hits.includes(n.id)) classes.push('hit');
      if (scene.selected === n.id) classes.push('selected');
      const lines = [fitted(d.name, 13, W - 16, 'class="name" x="8" y="18"'),
        `<text x="8" y="37">${escape(d.kind)}</text>`,
        `<text x="8" y="54"${d.person.gap ? ' class="gap"' : ''}>${escape(d.person.text)}</text>`];
      const h = heightOf(n);
      // The circle is drawn small; a transparent one around it takes the tap (scene.hit: its
      // radius in drawing units, 40 screen pixels or more at a phone's first view).
      const toggle = d.toggle ? `<g class="toggle" data-toggle="${escape(n.id)}" transform="translate(${W / 2},${h})">`
        + `<circle class="hit" r="${scene.hit ?? 12}"/><circle r="9"/><text y="4" text-anchor="middle">${escape(d.toggle)}</text></g>` : '';
      return `<g class="${classes.join(' ')}" data-id="${escape(n.id)}" transform="translate(${p.x},${p.y})">`
        + `<title>${escape(n.name)} (${escape(n.code)})</title><rect class="frame" width="${W}" height="${h}" rx="5"/>${lines.join('')}${figures(n, d.badges)}${toggle}</g>`;
    }

    function outsideSvg(p) {
      const n = p.outside;
      const sub = n.categoryName || n.kindName || t.outside[n.__typename] || '';
      const classes = ['box', 'outside'];
      if (scene.hits.includes(n.id)) classes.push('hit');
      return `<g class="${classes.join(' ')}" data-id="${escape(n.id)}" transform="translate(${p.x},${p.y})"><title>${escape(n.name)}</title>`
        + `<rect class="frame" width="${OW}" height="${OH}" rx="5"/>${fitted(n.name, 13, OW - 16, 'class="name" x="8" y="17"')}`
        + `<text x="8" y="34">${escape(t.outside[n.__typename])}${sub && sub !== t.outside[n.__typename] ? ' · ' + escape(sub) : ''}</text></g>`;
    }

    function linkSvg({ link, a, b }) {
      // From the right side of the left-hand box to the left side of the other, as a curve.
      const [l, r] = a.x <= b.x ? [a, b] : [b, a];
      const x1 = l.x + l.w, y1 = l.y + l.h / 2, x2 = r.x, y2 = r.y + r.h / 2, dx = Math.max(40, (x2 - x1) / 2);
      const color = LINK_COLORS[link.kind];
      const label = link.via ? `<text class="linkLabel" x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle">${escape(link.via.name)} · ${escape(t.links[link.kind])}</text>` : '';
      return `<path class="link" data-kind="${link.kind}" stroke="${color}" d="M${x1},${y1}C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}"><title>${escape(t.links[link.kind])}</title></path>${label}`;
    }

    const root = scene.nodes.get(scene.root);
    if (!root) return { positions };
    measure(root);
    const edges = [];
    place(root, 0, 0, edges);
    let right = 0, bottom = 0;
    positions.forEach(p => { right = Math.max(right, p.x + p.w); bottom = Math.max(bottom, p.y + p.h); });
    const links = placeCrossLinks(right);
    positions.forEach(p => { right = Math.max(right, p.x + p.w); bottom = Math.max(bottom, p.y + p.h); });
    const bounds = { x: -20, y: -20, w: right + 40, h: bottom + 40 };
    const parts = [`<g class="edges">${edges.map(d => `<path class="edge" d="${d}"/>`).join('')}</g>`,
      `<g class="links">${links.map(linkSvg).join('')}</g>`, '<g class="boxes">'];
    positions.forEach(p => parts.push(p.outside ? outsideSvg(p) : boxSvg(p)));
    parts.push('</g>');
    return { positions, bounds, svg: parts.join('') };
  }

  // --- what a box says, for the chart and the list ------------------------------------------

  // An organization's coverage figure as a badge: full (green) or partial (orange); none when
  // there is nothing to cover.
  function badge(n, metric, label) {
    const f = n.coverage?.[metric];
    if (!f || !f.total) return null;
    return { text: `${label} ${f.covered}/${f.total}`, cls: f.covered === f.total ? 'full' : 'partial' };
  }

  // The figures a box shows: a community its grids and building heads, a branch its building
  // groups, a building group its heads, a street its grids.
  function badges(n, t) {
    if (n.type !== 'org' || !n.coverage) return [];
    const shown = n.kind === 'COMMUNITY_COMMITTEE' ? [badge(n, 'grid', t.grid), badge(n, 'buildingHead', t.heads)]
      : n.kind === 'GRID_BRANCH' ? [badge(n, 'buildingGroup', t.groups)]
        : n.kind === 'BUILDING_GROUP' ? [badge(n, 'buildingHead', t.heads)] : [badge(n, 'grid', t.grid)];
    return shown.filter(Boolean);
  }

  // What a box of the tree says, as plain text in the words `t`: its name, its kind's line, the
  // person line (gap: the red mark of a vacant secretary, a group without a leader, a building
  // without a head or with a head who is not a member), its badges, the CSS class of its kind,
  // and the toggle's text (the number of children, or − when open), null when it has none.
  function describe(n, t, kindName) {
    if (n.type === 'org') {
      const leader = n.kind === 'BUILDING_GROUP'
        ? (n.leader ? `${t.leader} ${n.leader}` : null)
        : (n.secretary ? `${t.secretary} ${n.secretary}` : null);
      const missing = n.kind === 'BUILDING_GROUP' ? t.noLeader : t.noSecretary;
      return { name: n.name, kind: kindName(n.kind), css: CSS_CLASS[n.kind],
        person: { text: `${leader || missing} · ${t.members} ${n.members}`, gap: !leader },
        badges: badges(n, t), toggle: n.childCount > 0 ? (n.expanded ? '−' : String(n.childCount)) : null };
    }
    return { name: n.name, kind: t.building, css: 'building',
      person: n.head ? { text: `${t.head} ${n.head}${n.headStatus ? '' : ' · ' + t.notMember}`, gap: !n.headStatus }
        : { text: t.noHead, gap: true },
      badges: [], toggle: null };
  }

  // The legend of the cross-links' colours (HTML, beside the chart), in the words `text`.
  const legend = text => Object.entries(LINK_COLORS)
    .map(([k, c]) => `<span><i style="border-color:${c};border-top-style:dashed"></i>${text.links[k]}</span>`).join('');

  window.OrgChartDrawing = { draw, describe, legend };
})();
