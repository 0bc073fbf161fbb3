// The org chart's toolbar on a phone (window.OrgChartPhone; org-chart.css lays the page out below
// 640 px): it folds into a sheet under the one-line header, opened by ⚙ 选项, or by 🔍 with the
// search field focused, and the language button moves into it. On a desk the toolbar stays as it
// is and the language button in the header.
(function () {
  const { $ } = PN;
  // the width below which the page is laid out for a phone, as org-chart.css says
  const phone = matchMedia('(max-width: 640px)');

  window.OrgChartPhone = function () {
    const toolbar = $('toolbar'), options = $('options'), find = $('openSearch');

    // Opens (or closes) the folded toolbar, just below the header.
    function fold(open) {
      if (open) toolbar.style.top = `${document.querySelector('body > header').getBoundingClientRect().bottom}px`;
      toolbar.classList.toggle('open', open);
      options.setAttribute('aria-expanded', String(open));
      find.setAttribute('aria-expanded', String(open));
    }

    options.addEventListener('click', () => fold(!toolbar.classList.contains('open')));
    find.addEventListener('click', () => {
      fold(true);
      $('searchText').focus();
    });
    // a tap anywhere else, or Escape, folds it again
    document.addEventListener('click', e => {
      if (![toolbar, options, find].some(element => element.contains(e.target))) fold(false);
    });
    document.addEventListener('keydown', e => { if (e.key === 'Escape') fold(false); });

    // The language button: after the navigation on a desk, at the end of the toolbar on a phone.
    const place = () => (phone.matches ? toolbar : document.querySelector('.header-end')).appendChild($('lang'));
    phone.addEventListener('change', place);
    place();

    return { fold, media: phone };
  };
})();
