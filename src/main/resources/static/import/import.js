// The import page: uploads the chosen files to POST /import (with the page's CSRF token), shows
// the upload's progress, then the server's (GET /import/progress) while it checks and writes,
// then the counts and the errors by sheet, row and column.
(function () {
  const { $ } = PN;
  const csrf = document.querySelector('meta[name="_csrf"]').content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  const PHASES = { reading: '读取 Reading', checking: '检查 Checking', resolving: '核对引用 Resolving', comparing: '比对 Comparing',
    writing: '写入 Writing', done: '完成 Done', idle: '' };
  let polling = null;

  function show(text, percent) {
    $('progress').textContent = text;
    $('bar').hidden = percent == null;
    if (percent != null) $('bar').value = percent;
  }

  function poll() {
    polling = setInterval(async () => {
      try {
        const response = await fetch('/import/progress', { headers: { Accept: 'application/json' } });
        const p = await response.json();
        if (p.phase && p.phase !== 'idle') {
          show(`${PHASES[p.phase] || p.phase}：${p.done}${p.total ? ' / ' + p.total : ''} 行 rows` +
            `（${p.percent}%，${p.rowsPerSecond} 行/秒 rows/s）`, p.percent);
        }
      } catch (e) { /* the next poll tries again */ }
    }, 500);
  }

  function render(body, dryRun) {
    $('result').hidden = false;
    $('title').textContent = dryRun ? '检查结果（未写入） Dry run (nothing written)' : '导入结果 Import result';
    ['created', 'updated', 'ended', 'unchanged'].forEach(k => { $(k).textContent = body[k] ?? 0; });
    const warnings = $('warnings');
    warnings.replaceChildren(...(body.warnings || []).map(w => { const li = document.createElement('li'); li.textContent = w; return li; }));
    const tbody = $('errors').querySelector('tbody');
    tbody.replaceChildren();
    (body.errors || []).forEach(e => {
      const tr = document.createElement('tr');
      [e.sheet, e.row || '', e.column, e.message].forEach(v => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    $('errors').hidden = !(body.errors && body.errors.length);
    $('more-errors').hidden = !body.moreErrors;
    $('more-errors').textContent = body.moreErrors ? `另有 ${body.moreErrors} 个错误未列出 / ${body.moreErrors} more errors not listed` : '';
    show(body.errors && body.errors.length
      ? `有 ${body.errors.length + (body.moreErrors || 0)} 个错误，未写入任何数据 / ${body.errors.length + (body.moreErrors || 0)} errors: nothing was written`
      : (dryRun ? '检查通过 / The file is fine' : '导入完成 / Imported'), null);
  }

  function upload(dryRun) {
    const files = $('file').files;
    $('error').hidden = true;
    if (!files.length) {
      $('error').textContent = '请选择文件 / Choose a file first';
      $('error').hidden = false;
      return;
    }
    const form = new FormData();
    [...files].forEach(f => form.append('file', f, f.name));
    const request = new XMLHttpRequest();
    request.open('POST', '/import' + (dryRun ? '?dryRun=true' : ''));
    request.setRequestHeader(csrfHeader, csrf);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = e => {
      if (e.lengthComputable) {
        const percent = Math.round(e.loaded * 100 / e.total);
        show(`上传 Uploading：${percent}%`, percent);
      }
    };
    request.upload.onload = () => { show('上传完成，服务器处理中 / Uploaded, the server is working…', 0); poll(); };
    request.onloadend = () => {
      clearInterval(polling);
      $('dry-run').disabled = $('import').disabled = false;
      let body = null;
      try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
      if (body && ('created' in body)) {
        render(body, dryRun);
      } else if (PN.expiredAnswer(request.status, request.responseURL)) {
        // the session is gone (the CSRF token with it): the shared notice offers to sign in again
        $('error').textContent = PN.sessionExpired().message;
        $('error').hidden = false;
        show('', null);
      } else {
        $('error').textContent = `导入失败（HTTP ${request.status}） / The import failed (HTTP ${request.status})`;
        $('error').hidden = false;
        show('', null);
      }
    };
    $('dry-run').disabled = $('import').disabled = true;
    $('result').hidden = true;
    request.send(form);
  }

  $('dry-run').addEventListener('click', () => upload(true));
  $('import').addEventListener('click', () => upload(false));
})();
