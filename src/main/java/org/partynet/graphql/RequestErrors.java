package org.partynet.graphql;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The same user errors outside GraphQL (report downloads): 400, 403 or 404 with the
 * bilingual message as plain text, before any file is written.
 */
@RestControllerAdvice
class RequestErrors {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<String> badRequest(BadRequestException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(TEXT).body(ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<String> forbidden(ForbiddenException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).body(ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<String> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT).body(ex.getMessage());
	}

}
