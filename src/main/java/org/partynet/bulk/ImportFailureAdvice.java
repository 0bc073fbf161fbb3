package org.partynet.bulk;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An import that failed for a reason that is not the user's answers the import's JSON
 * with its status and message, never a bare 500.
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportFailureAdvice {

	@ExceptionHandler(ImportFailedException.class)
	ResponseEntity<Map<String, Object>> failed(ImportFailedException ex) {
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ImportController.body(ex.result()));
	}

}
