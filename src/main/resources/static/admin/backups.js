// 备份: the backups in the server's backup directory, the daily backup's last run (as any instance
// on the database recorded it) and a button that takes one now. The server lets only the
// organization department open this page; everything comes from /admin/backups/status.
(function () {
  const { $ } = PN;
  let csrf = null;

  const size = bytes => bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB`
    : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
  const OUTCOMES = { ok: '成功 OK', error: '失败 Failed' };

  function fact(list, term, value) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  function show(status) {
    csrf = status.csrf || null;
    const facts = $('schedule');
    facts.textContent = '';
    fact(facts, '时间 When', status.schedule ? `${status.schedule}（cron，北京时间 Beijing time）` : '已关闭 Off');
    fact(facts, '保留 Keeps', `最近 ${status.retention} 份 the newest ${status.retention}`);
    fact(facts, '目录 Directory', status.directory);
    const last = status.lastRun;
    fact(facts, '上次 Last run', last
      ? `${last.startedAt}，${OUTCOMES[last.outcome] || '进行中 Running'}${last.file ? '，' + last.file : ''}`
        + `${last.message ? '：' + last.message : ''}（${last.instance}）`
      : '尚未运行 Not yet');
    const body = $('files').tBodies[0];
    body.textContent = '';
    status.files.forEach(file => {
      const row = body.insertRow();
      row.insertCell().textContent = file.name;
      row.insertCell().textContent = file.modified;
      row.insertCell().textContent = size(file.bytes);
      const link = document.createElement('a');
      link.href = `/admin/backups/files/${encodeURIComponent(file.name)}`;
      link.textContent = '下载 Download';
      link.setAttribute('download', file.name);
      const cell = row.insertCell();
      cell.className = 'no-print';
      cell.append(link);
    });
    $('count').textContent = status.files.length
      ? `共 ${status.files.length} 份 ${status.files.length} backups` : '目录中还没有备份 No backups yet';
  }

  async function load() {
    const response = await fetch('/admin/backups/status', { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
    show(body);
  }

  $('back-up').addEventListener('click', async () => {
    const button = $('back-up');
    button.disabled = true;
    $('error').hidden = true;
    $('result').textContent = '正在备份… Backing up…';
    try {
      const headers = { Accept: 'application/json' };
      if (csrf) headers[csrf.header] = csrf.token;
      const response = await fetch('/admin/backups/run', { method: 'POST', headers });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
      $('result').textContent = `已备份 Backed up：${body.name}，${body.nodes} 个节点 nodes，`
        + `${body.relationships} 个关系 relationships，${size(body.bytes)}，${(body.millis / 1000).toFixed(1)} 秒 s`;
      await load();
    } catch (error) {
      $('result').textContent = '';
      PN.fail(error);
    } finally {
      button.disabled = false;
    }
  });

  load().then(() => { document.body.dataset.loaded = 'true'; }, PN.fail);
})();
