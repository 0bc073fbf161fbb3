package org.partynet.backup;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.partynet.security.Access;
import org.partynet.security.Role;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The backups page's requests ({@code /admin/backups}, static/admin/backups.html), the
 * organization department's only: what the directory holds and when the daily backup last
 * ran, a backup now, and the download of one. Anyone else is refused with 403.
 */
@RestController
class BackupController {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Backups backups;

	BackupController(Backups backups) {
		this.backups = backups;
	}

	@GetMapping(path = "/admin/backups/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> status(HttpServletRequest request) {
		if (refused()) {
			return refusal();
		}
		BackupProperties properties = this.backups.properties();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("directory", properties.directory().toAbsolutePath().normalize().toString());
		body.put("schedule", properties.schedule().equals("-") ? null : properties.schedule());
		body.put("retention", properties.retention());
		body.put("lastRun", this.backups.lastScheduledRun().map(BackupController::run).orElse(null));
		body.put("files",
				this.backups.list()
					.stream()
					.map(stored -> Map.of("name", stored.name(), "bytes", stored.bytes(), "modified",
							shown(stored.modified().atZone(Backups.BEIJING))))
					.toList());
		// the page's POST carries it; only this site's own script can read this answer
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (csrf != null) {
			body.put("csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
		}
		return ResponseEntity.ok(body);
	}

	@PostMapping(path = "/admin/backups/run", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> backUpNow() {
		if (refused()) {
			return refusal();
		}
		try {
			Backups.Result result = this.backups.backupToDirectory(Access.username(), "button");
			return ResponseEntity
				.ok(Map.of("ok", true, "name", result.file().getFileName().toString(), "nodes", result.nodes(),
						"relationships", result.relationships(), "bytes", result.bytes(), "millis", result.millis()));
		}
		catch (BackupRefusedException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("ok", false, "message", ex.getMessage()));
		}
	}

	@GetMapping("/admin/backups/files/{name}")
	ResponseEntity<Resource> download(@PathVariable String name) {
		if (refused()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		Path file = this.backups.find(name).orElse(null);
		if (file == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

	private static boolean refused() {
		return Access.role().orElse(null) != Role.ORG_DEPT;
	}

	private static ResponseEntity<Map<String, Object>> refusal() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("ok", false, "message", "只有区委组织部可以备份 / Only the organization department (ORG_DEPT) backs up"));
	}

	private static Map<String, Object> run(BackupQueries.ScheduledRun run) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("startedAt", shown(run.startedAt()));
		shown.put("finishedAt", shown(run.finishedAt()));
		shown.put("instance", run.instance());
		shown.put("outcome", run.outcome());
		shown.put("file", run.file());
		shown.put("nodes", run.nodes());
		shown.put("bytes", run.bytes());
		shown.put("message", run.message());
		return shown;
	}

	private static String shown(TemporalAccessor at) {
		if (at == null) {
			return null;
		}
		ZonedDateTime time = ZonedDateTime.from(at).withZoneSameInstant(Backups.BEIJING);
		return SHOWN.format(time);
	}

}
