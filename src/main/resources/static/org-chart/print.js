// The org chart on paper (window.OrgChartPrint): the 打印 button's dialog, which asks the server for
// the chart's PDF (/org-chart.pdf: an overview and a page per community for a street, each page with
// its title, issuing unit, date, legend and page number), to print in the browser's PDF viewer or to
// download; both are the same file. Ctrl+P on the page itself prints the view on screen under a title
// line and the legend, without the controls (print.css).
(function () {
  const { $, escape } = PN;
  const TEXT = {
    zh: { title: '打印组织架构图', levels: '层数', paper: '纸张', print: '打印', download: '下载 PDF', close: '关闭', chart: '组织架构图',
      note: '街道先印社区概览，再每个社区一页；层数自本组织往下数，与“展开层数”相同。',
      head: '（党员楼长）', badges: '徽标 已覆盖/总数：', full: '全部覆盖',
      partial: '部分覆盖', red: '红字：缺书记、组长或楼长，或楼长非党员' },
    en: { title: 'Print the org chart', levels: 'Levels', paper: 'Paper', print: 'Print', download: 'Download PDF', close: 'Close', chart: 'Org chart',
      note: 'A street prints an overview of its communities, then a page per community; levels count down from this organization, as "Levels shown" does.',
      head: ' (head)', badges: 'Badges covered/total:', full: 'all covered',
      partial: 'partly covered', red: 'Red: no secretary, leader or head, or a head who is not a member' }
  };
  // The legend's boxes: their CSS class and the model's term (PN.model) that names them.
  const KINDS = [['street', 'organizationKinds', 'STREET_WORKING_COMMITTEE'], ['community', 'organizationKinds', 'COMMUNITY_COMMITTEE'],
    ['branch', 'organizationKinds', 'GRID_BRANCH'], ['group', 'organizationKinds', 'BUILDING_GROUP'], ['building', 'areaKinds', 'BUILDING']];
  const t = () => TEXT[document.documentElement.lang === 'en' ? 'en' : 'zh'];
  // The day as the PDF prints it: today in Beijing.
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

  const style = document.createElement('link');
  style.rel = 'stylesheet'; style.href = '/org-chart/print.css';
  document.head.appendChild(style);

  const dialog = document.createElement('dialog');
  dialog.id = 'printDialog';
  dialog.className = 'no-print';
  document.body.appendChild(dialog);

  // What is on screen: the organization, its name and the levels open.
  const root = () => ({ id: $('root').value, name: $('root').selectedOptions[0]?.textContent || '', depth: $('depth').value });

  const url = () => `/org-chart.pdf?id=${encodeURIComponent(root().id)}&levels=${$('printLevels').value}&paper=${$('printPaper').value}`;

  function open() {
    const words = t(), shown = root();
    dialog.innerHTML = `<form method="dialog">
      <h2>${escape(words.title)}</h2>
      <p class="meta">${escape(shown.name)}</p>
      <label>${escape(words.levels)} <select id="printLevels">${[1, 2, 3, 4].map(n => `<option>${n}</option>`).join('')}</select></label>
      <label>${escape(words.paper)} <select id="printPaper"><option value="A4">A4</option><option value="A3">A3</option></select></label>
      <p class="note">${escape(words.note)}</p>
      <div class="actions">
        <button id="printPdf" type="button">${escape(words.print)}</button>
        <a id="printDownload" class="button" download>${escape(words.download)}</a>
        <button id="printClose" value="close">${escape(words.close)}</button>
      </div></form>`;
    $('printLevels').value = shown.depth || '2';
    $('printPaper').value = $('paper')?.value === 'A3' ? 'A3' : 'A4';
    const link = () => { $('printDownload').href = url(); };
    $('printLevels').addEventListener('change', link);
    $('printPaper').addEventListener('change', link);
    link();
    // the browser's PDF viewer prints it, as it would any PDF
    $('printPdf').addEventListener('click', () => window.open(url(), '_blank'));
    dialog.showModal();
  }

  // For Ctrl+P on the page: a title line above the chart and the legend below it.
  async function paperLines() {
    const words = t(), english = words === TEXT.en;
    let title = $('printTitle'), legend = $('printLegend');
    if (!title) {
      title = document.createElement('p'); title.id = 'printTitle';
      legend = document.createElement('p'); legend.id = 'printLegend';
      const main = document.querySelector('main');
      main.before(title); main.after(legend);
    }
    title.textContent = `${root().name} · ${words.chart} · ${today()}`;
    const model = await PN.model();
    const name = ([, list, key]) => { const term = model.term(list, key); return (english && term?.english) || model.name(list, key); };
    legend.innerHTML = KINDS.map(k => `<span><i class="swatch ${k[0]}"></i>${escape(name(k))}${k[0] === 'building' ? escape(words.head) : ''}</span>`).join('')
      + `<span>${escape(words.badges)} <b class="pill full">${escape(words.full)}</b> <b class="pill partial">${escape(words.partial)}</b></span>`
      + `<span class="red">${escape(words.red)}</span>`;
  }

  // Ctrl+P prints the boxes open on screen, whole and fitted to the page rather than the window's
  // view of them: a viewBox scales the drawing, which the page's afterprint (OrgChartView.afterPrint)
  // takes away again. A print already prepared (OrgChart.preparePrint) has its viewBox.
  function fitToPaper() {
    const svg = $('chart'), viewport = $('viewport');
    if (svg.hasAttribute('viewBox') || !viewport.firstChild) return;
    viewport.removeAttribute('transform');
    const b = viewport.getBBox();
    svg.setAttribute('viewBox', `${b.x - 10} ${b.y - 10} ${b.width + 20} ${b.height + 20}`);
    svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
    svg.classList.remove('far');
  }

  // Kept up to date before printing, and whenever the chart's organization or language changes.
  // The selection and search marks are the screen's: left off the paper and drawn again after it.
  window.addEventListener('beforeprint', () => {
    // the model is loaded by then (the chart's first draw needed it): the legend is written at once
    paperLines(); fitToPaper();
    document.querySelectorAll('#viewport g.box.selected, #viewport g.box.hit').forEach(b => b.classList.remove('selected', 'hit'));
  });
  window.addEventListener('afterprint', () => window.OrgChart?.relayout());
  window.OrgChart?.ready.then(paperLines);
  ['root', 'lang'].forEach(id => $(id).addEventListener(id === 'root' ? 'change' : 'click', () => setTimeout(paperLines)));
  window.OrgChartPrint = { open, url, paperLines };
})();
