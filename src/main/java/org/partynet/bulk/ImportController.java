package org.partynet.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.partynet.security.Access;
import org.partynet.security.Role;
import org.partynet.shared.LeaseQueries;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code POST /import} (multipart {@code file}, repeatable; {@code ?dryRun=true} only
 * checks), {@code GET /import/progress} while it runs, and the upload page
 * {@code GET /import}. Only the organization department imports.
 */
@Controller
class ImportController {

	private final BulkImporter importer;

	/**
	 * The progress of each user's import running on this instance, as fresh as the
	 * importer tells it; other instances read it from the lease, once a second.
	 */
	private final Map<String, ImportProgress> running = new ConcurrentHashMap<>();

	/**
	 * One import at a time on the whole database: two would wait on each other's locks,
	 * and the first would win anyway.
	 */
	private final ImportLeaseQueries lease;

	private final String maxFileSize;

	ImportController(BulkImporter importer, ImportLeaseQueries lease,
			@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:100MB}") String maxFileSize) {
		this.importer = importer;
		this.lease = lease;
		this.maxFileSize = maxFileSize;
	}

	@PostMapping(path = "/import", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> importNetwork(
			@RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) throws IOException {
		if (Access.role().orElse(null) != Role.ORG_DEPT) {
			return answer(HttpStatus.FORBIDDEN, dryRun,
					"只有区委组织部可以导入 / Only the organization department (ORG_DEPT) may import");
		}
		if (files == null || files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty)) {
			return answer(HttpStatus.BAD_REQUEST, dryRun, "请选择文件（字段 file） / No file given (multipart field 'file')");
		}
		String user = Access.username();
		Optional<LeaseQueries.Lease> held = this.lease.acquire(user);
		if (held.isEmpty()) {
			return answer(HttpStatus.CONFLICT, dryRun, ImportLeaseQueries.refusal(this.lease.current()));
		}
		List<Path> temporary = new ArrayList<>();
		try (LeaseQueries.Lease lease = held.get()) {
			List<BulkImporter.Source> sources = new ArrayList<>();
			for (MultipartFile file : files) {
				if (file.isEmpty()) {
					continue;
				}
				Path path = Files.createTempFile("partynet-import-", ".upload");
				temporary.add(path);
				file.transferTo(path);
				sources.add(new BulkImporter.Source(path,
						(file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload"));
			}
			ImportResult result = this.importer.importFiles(sources, dryRun,
					ImportLeaseQueries.renewing(lease, progress -> this.running.put(user, progress)));
			return ResponseEntity.status(status(result)).body(body(result));
		}
		finally {
			this.running.remove(user);
			for (Path path : temporary) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** How far the signed-in user's import has got; {@code idle} when none runs. */
	@GetMapping(path = "/import/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ImportProgress progress() {
		String user = Access.username();
		ImportProgress here = this.running.get(user);
		if (here != null) {
			return here;
		}
		return this.lease.current()
			.filter(lease -> user.equals(lease.get("holder")))
			.map(ImportLeaseQueries::progress)
			.orElse(new ImportProgress("idle", 0, 0, 0, 0));
	}

	/** 200, 400 for errors, 413 when a file is over one of the {@link ImportLimits}. */
	static HttpStatus status(ImportResult result) {
		if (result.ok()) {
			return HttpStatus.OK;
		}
		return result.errors().stream().anyMatch(e -> e.limit() != null) ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
	}

	static Map<String, Object> body(ImportResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("created", result.created());
		body.put("updated", result.updated());
		body.put("ended", result.ended());
		body.put("unchanged", result.unchanged());
		body.put("dryRun", result.dryRun());
		body.put("errors", result.errors());
		body.put("moreErrors", result.moreErrors());
		body.put("warnings", result.warnings());
		body.put("changeId", result.changeId());
		return body;
	}

	static ResponseEntity<Map<String, Object>> answer(HttpStatus status, boolean dryRun, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(ImportResult.failed(dryRun, List.of(ImportError.file(message)), 0, List.of())));
	}

	@GetMapping(path = "/import", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	@ResponseBody
	String page(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = (csrf != null) ? csrf.getToken() : "";
		String header = (csrf != null) ? csrf.getHeaderName() : "X-CSRF-TOKEN";
		return PAGE.replace("{{csrf}}", HtmlUtils.htmlEscape(token))
			.replace("{{csrfHeader}}", HtmlUtils.htmlEscape(header));
	}

	/**
	 * An upload over the limit, or a request that is not multipart: the same JSON as any
	 * import error. Multipart requests are parsed lazily
	 * ({@code spring.servlet.multipart.resolve-lazily}), so that these are thrown inside
	 * this controller's handler and land here.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> uploadFailed(MultipartException ex, HttpServletRequest request) {
		boolean dryRun = request.getQueryString() != null && request.getQueryString().contains("dryRun=true");
		if (ex instanceof MaxUploadSizeExceededException) {
			DataSize size = DataSize.parse(this.maxFileSize);
			return answer(HttpStatus.PAYLOAD_TOO_LARGE, dryRun,
					"文件超过 %d MB 的上限 / The file is larger than the limit of %d MB".formatted(size.toMegabytes(),
							size.toMegabytes()));
		}
		return answer(HttpStatus.BAD_REQUEST, dryRun,
				"上传格式不正确，应为 multipart/form-data 的 file 字段 / The upload must be multipart/form-data with a 'file' field");
	}

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="zh-CN">
			<head>
			  <meta charset="utf-8">
			  <title>导入 · Import</title>
			  <meta name="viewport" content="width=device-width, initial-scale=1">
			  <meta name="_csrf" content="{{csrf}}">
			  <meta name="_csrf_header" content="{{csrfHeader}}">
			  <link rel="icon" href="data:,">
			  <link rel="stylesheet" href="/common/partynet.css">
			  <link rel="stylesheet" href="/reports/reports.css">
			  <style>
			    /* a phone: the file field and the two buttons across the screen, big enough for a finger */
			    @media (max-width: 640px) {
			      #controls label, #controls input[type=file] { width: 100%; }
			      #controls button { flex: 1; }
			    }
			  </style>
			</head>
			<body>
			  <header>
			    <h1>导入 <small>Import</small></h1>
			    <nav id="nav"></nav>
			  </header>

			  <form id="controls" class="no-print">
			    <label>文件 File（.xlsx，或多个 CSV，或 CSV 的 .zip / a workbook, several CSV files or a ZIP of them）
			      <input id="file" name="file" type="file" multiple accept=".xlsx,.csv,.zip">
			    </label>
			    <button id="dry-run" type="button">只检查 Dry run</button>
			    <button id="import" type="button">导入 Import</button>
			    <span class="downloads"><a href="/import/template.xlsx">模板 Template</a> ·
			      <a href="/export/network.xlsx">导出现有网络 Export the network</a></span>
			  </form>

			  <section>
			    <p class="meta">按代码新增或更新，不删除任何数据；文件中没有的行保持不变；有错误时什么都不写入。
			      Rows are upserted by code; nothing is deleted, rows absent from the file stay as they are, and on any error
			      nothing is written.</p>
			    <p id="progress" class="meta" role="status"></p>
			    <progress id="bar" max="100" value="0" hidden></progress>
			    <p id="error" class="error" hidden></p>
			  </section>

			  <section id="result" hidden>
			    <h2 id="title">结果 Result</h2>
			    <table id="counts">
			      <thead><tr><th>新增 Created</th><th>更新 Updated</th><th>终止 Ended</th><th>不变 Unchanged</th></tr></thead>
			      <tbody><tr><td id="created"></td><td id="updated"></td><td id="ended"></td><td id="unchanged"></td></tr></tbody>
			    </table>
			    <ul id="warnings" class="meta"></ul>
			    <table id="errors" hidden>
			      <thead><tr><th>工作表 Sheet</th><th>行 Row</th><th>列 Column</th><th>错误 Message</th></tr></thead>
			      <tbody></tbody>
			    </table>
			    <p id="more-errors" class="meta" hidden></p>
			  </section>
			  <script src="/common/partynet.js"></script>
			  <script src="/import/import.js"></script>
			</body>
			</html>
			""";

}
