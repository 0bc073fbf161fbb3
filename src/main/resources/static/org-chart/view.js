// How the drawn org chart is looked at and taken away (window.OrgChartView): zoom, pan and fit by
// buttons, wheel, drag, pinch and keyboard; SVG and PNG files; print on one page. Nothing here
// loads or draws: the page draws into #viewport and says what it drew.
(function () {
  const { $, escape } = PN;

  // Far out, text is too small to read and costs most of the painting: draw only the boxes.
  const FAR = 0.35;
  // The first view never goes below this: box text (12 and 13 px) stays at 11 px or more on
  // screen; what does not fit is a drag or a scroll away.
  const READABLE = 0.92;
  const MIN_ZOOM = 0.05, MAX_ZOOM = 4;

  // `shown` is the state the page shares with the view: view { x, y, k } (written here), and the
  // positions and bounds of the last drawing (written by the page). `page` is what the view asks
  // of the page: root() its top node, toggle(id) and details(id) for a click, expandAll() to print.
  window.OrgChartView = function (shown, page) {
    // --- zoom, pan, fit ----------------------------------------------------------------------

    function applyView() {
      const v = shown.view;
      $('viewport').setAttribute('transform', `translate(${v.x},${v.y}) scale(${v.k})`);
      $('chart').classList.toggle('far', v.k < FAR);
    }

    // The whole drawing on screen; with `readable` (the first view of a root), not smaller than
    // READABLE: then the top of the drawing, its root box centred where the drawing is wider.
    function fitView(readable) {
      const svg = $('chart').getBoundingClientRect(), b = shown.bounds;
      if (!b || !svg.width) return;
      const k = Math.min(1.2, svg.width / b.w, svg.height / b.h);
      if (readable === true && k < READABLE) {
        const r = READABLE, root = shown.positions.get(page.root()?.id);
        const centred = svg.width / 2 - (root ? root.x + root.w / 2 : b.x + b.w / 2) * r;
        const x = b.w * r <= svg.width ? (svg.width - b.w * r) / 2 - b.x * r
          : Math.min(-b.x * r, Math.max(svg.width - (b.x + b.w) * r, centred));
        shown.view = { k: r, x, y: -b.y * r };
      } else {
        shown.view = { k, x: (svg.width - b.w * k) / 2 - b.x * k, y: Math.max(0, (svg.height - b.h * k) / 2) - b.y * k };
      }
      applyView();
    }

    // The width a drawing may take at readable size, in drawing units: stacked boxes form
    // longer columns rather than shrink below it.
    const room = () => $('chart').getBoundingClientRect().width / READABLE;

    function zoom(factor, cx, cy) {
      const v = shown.view, svg = $('chart').getBoundingClientRect();
      cx ??= svg.width / 2; cy ??= svg.height / 2;
      const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
      shown.view = { k, x: cx - (cx - v.x) * k / v.k, y: cy - (cy - v.y) * k / v.k };
      applyView();
    }

    function pan(dx, dy) {
      shown.view.x += dx; shown.view.y += dy;
      applyView();
    }

    function centerOn(id) {
      const p = shown.positions.get(id), svg = $('chart').getBoundingClientRect();
      if (!p) return;
      const k = Math.max(shown.view.k, 0.8);
      shown.view = { k, x: svg.width / 2 - (p.x + p.w / 2) * k, y: svg.height / 2 - (p.y + p.h / 2) * k };
      applyView();
    }

    function wire() {
      const svg = $('chart');
      svg.addEventListener('wheel', e => {
        e.preventDefault();
        const r = svg.getBoundingClientRect();
        zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
      }, { passive: false });
      // The pointers down on the chart (mouse, pen or fingers): one pans at its own speed, two
      // pinch around their midpoint. Each gesture starts again from the view when a pointer
      // comes or goes, so lifting one finger of a pinch goes on as a pan.
      const pointers = new Map();
      let gesture = null, moved = false;
      // Screen pixels per unit of the SVG's user space (1, unless a viewBox or CSS scales it):
      // a drag moves the drawing exactly as far as the finger, whatever the zoom.
      const unit = () => svg.getScreenCTM()?.a || 1;
      const at = p => { const r = svg.getBoundingClientRect(), u = unit(); return { x: (p.x - r.left) / u, y: (p.y - r.top) / u }; };
      const middle = (a, b) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
      const distance = (a, b) => Math.hypot(a.x - b.x, a.y - b.y) || 1;
      const begin = () => {
        const [a, b] = [...pointers.values()];
        gesture = { view: { ...shown.view }, a, mid: b && at(middle(a, b)), d: b && distance(a, b) };
      };
      svg.addEventListener('pointerdown', e => {
        if (e.pointerType === 'mouse' && e.button !== 0) return;
        if (!pointers.size) moved = false;
        pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
        begin();
      });
      window.addEventListener('pointermove', e => {
        if (!pointers.has(e.pointerId)) return;
        // a mouse released outside the window sent no pointerup here
        if (e.pointerType === 'mouse' && !e.buttons) return end(e);
        pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
        const [a, b] = [...pointers.values()], g = gesture, v = g.view;
        if (b) {
          // the point of the drawing under the fingers' first midpoint stays under their midpoint
          const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * distance(a, b) / g.d)), m = at(middle(a, b));
          shown.view = { k, x: m.x - (g.mid.x - v.x) * k / v.k, y: m.y - (g.mid.y - v.y) * k / v.k };
        } else {
          const dx = a.x - g.a.x, dy = a.y - g.a.y, u = unit();
          if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
          shown.view = { k: v.k, x: v.x + dx / u, y: v.y + dy / u };
        }
        moved = true; svg.classList.add('dragging');
        applyView();
      });
      function end(e) {
        if (!pointers.delete(e.pointerId)) return;
        if (pointers.size) begin(); else svg.classList.remove('dragging');
      }
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', end);
      // The keyboard too: arrows pan, + and - zoom, 0 fits.
      svg.addEventListener('keydown', e => {
        const step = 80, keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
        if (keys[e.key]) pan(...keys[e.key]);
        else if (e.key === '+' || e.key === '=') zoom(1.25);
        else if (e.key === '-') zoom(0.8);
        else if (e.key === '0') fitView();
        else return;
        e.preventDefault();
      });
      svg.addEventListener('click', e => {
        // the click that ends a drag or a pinch opens nothing
        if (moved) return;
        const toggle = e.target.closest('[data-toggle]');
        if (toggle) return void page.toggle(toggle.dataset.toggle);
        const box = e.target.closest('[data-id]');
        if (box) page.details(box.dataset.id);
      });
    }

    // --- export and print --------------------------------------------------------------------

    // The whole chart as it is drawn now (every open box and the cross-links), standalone: the
    // chart's style rules travel inside the file.
    function svgText() {
      const b = shown.bounds;
      const rules = [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch { return []; } })
        .filter(r => r.selectorText && /\.(box|badge|toggle|edge|link|linkLabel)\b|path\.|text\./.test(r.selectorText))
        .map(r => r.cssText).join('\n');
      const title = page.root()?.name || '';
      return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="${b.x} ${b.y} ${b.w} ${b.h}" width="${b.w}" height="${b.h}">`
        + `<title>${escape(title)} 组织架构图 Org chart</title><style>svg { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }\n${rules}</style>`
        + `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#fff"/>${$('viewport').innerHTML}</svg>`;
    }

    function download(blob, name) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob); a.download = name;
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    }

    const fileName = ext => `org-chart-${page.root()?.code || 'network'}.${ext}`;

    function exportSvg() { download(new Blob([svgText()], { type: 'image/svg+xml' }), fileName('svg')); }

    function exportPng() {
      const b = shown.bounds;
      const scale = Math.min(2, 16000 / b.w, 16000 / b.h);
      const image = new Image();
      const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
      image.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(b.w * scale); canvas.height = Math.ceil(b.h * scale);
        const context = canvas.getContext('2d');
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, b.w, b.h);
        URL.revokeObjectURL(url);
        canvas.toBlob(blob => download(blob, fileName('png')), 'image/png');
      };
      image.src = url;
    }

    // Prints the whole chart of the root (for a community, down to every building) on one landscape
    // page of the chosen paper: the SVG's viewBox scales it, so text stays vector and sharp.
    async function preparePrint(paper) {
      $('pageSize').textContent = `@page { size: ${paper === 'A3' ? 'A3' : 'A4'} landscape; margin: 8mm; }`;
      await page.expandAll();
      const b = shown.bounds, svg = $('chart');
      svg.classList.remove('far');
      svg.setAttribute('viewBox', `${b.x} ${b.y} ${b.w} ${b.h}`);
      svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
      $('viewport').removeAttribute('transform');
    }

    function afterPrint() {
      $('chart').removeAttribute('viewBox');
      applyView();
    }

    return { applyView, fitView, room, zoom, pan, centerOn, wire, svgText, exportSvg, exportPng, preparePrint, afterPrint };
  };
})();
