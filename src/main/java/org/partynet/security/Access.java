package org.partynet.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking. The statement executor ({@code graph.Graph}) confines and masks every
 * result by the {@link #reader()}; without a signed-in account it reads nothing, unless
 * the work declares itself the service's own with {@link #asService(Supplier)} (fail
 * closed).
 */
public final class Access {

	/**
	 * The name shown for a person to accounts that may not read personal data (a viewer).
	 */
	public static final String HIDDEN_NAME = "（已隐藏 hidden）";

	private Access() {
	}

	/** The code of the signed-in account's person; {@code null} when it has none. */
	public static String person() {
		return authority(AccountAuthorities.PERSON).orElse(null);
	}

	/** Where the signed-in account signed in; empty when nobody is signed in. */
	public static Optional<AccountSource> source() {
		return authority(AccountAuthorities.SOURCE).map(AccountSource::valueOf);
	}

	/**
	 * Whether the signed-in account's password is a one-time password, which it must
	 * change before it reads anything.
	 */
	public static boolean mustChangePassword() {
		return authority(AccountAuthorities.MUST_CHANGE_PASSWORD).isPresent();
	}

	/** The current role, empty when nobody is signed in. */
	public static Optional<Role> role() {
		return authority("ROLE_").map(Role::valueOf);
	}

	/**
	 * The user name for audit records, {@code system} for work nobody asked for over
	 * HTTP.
	 */
	public static String username() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : "system";
	}

	/** Whether people (names, posts, roles) may be shown at all: not to a viewer. */
	public static boolean seesPeople() {
		Reader reader = reader();
		return !reader.viewer() && !reader.nobody();
	}

	private static Optional<String> authority(String prefix) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Optional.empty();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(prefix))
			.map(authority -> authority.substring(prefix.length()))
			.findFirst();
	}

	/**
	 * Who is reading, for the statement executor ({@code graph.Graph}): the service's own
	 * work, the organization department, a secretary confined to what the posts of their
	 * person reach, a viewer, or nobody (no signed-in account, or one that must change
	 * its one-time password first), who reads nothing.
	 */
	public static Reader reader() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ServiceAuthentication) {
			return Reader.SERVICE;
		}
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Reader.NOBODY;
		}
		Role role = role().orElse(null);
		if (role == null || mustChangePassword()) {
			return Reader.NOBODY;
		}
		return switch (role) {
			case ORG_DEPT -> Reader.ORG_DEPT;
			case VIEWER -> Reader.VIEWER;
			case SECRETARY -> {
				String person = person();
				// a secretary without a person reads nothing (fail closed)
				yield (person != null) ? Reader.secretary(person) : Reader.NOBODY;
			}
		};
	}

	/**
	 * Runs work nobody asked for over HTTP (start-up, the command line, schedules) as the
	 * service's own: without this, a statement run with no signed-in account reads
	 * nothing.
	 */
	public static <T> T asService(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ServiceAuthentication.INSTANCE);
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** {@link #asService(Supplier)} for work without a result. */
	public static void asService(Runnable work) {
		asService(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * Who reads: what the statement executor confines and masks by.
	 *
	 * @param kind the kind of reader
	 * @param person for a secretary, the code of their person, whose current posts decide
	 * what they read
	 */
	public record Reader(Kind kind, String person) {

		static final Reader SERVICE = new Reader(Kind.SERVICE, null);

		static final Reader ORG_DEPT = new Reader(Kind.ORG_DEPT, null);

		static final Reader VIEWER = new Reader(Kind.VIEWER, null);

		static final Reader NOBODY = new Reader(Kind.NOBODY, null);

		static Reader secretary(String person) {
			return new Reader(Kind.SECRETARY, person);
		}

		/**
		 * Reads everything, unmasked: the service itself and the organization department.
		 */
		public boolean unrestricted() {
			return this.kind == Kind.SERVICE || this.kind == Kind.ORG_DEPT;
		}

		public boolean confined() {
			return this.kind == Kind.SECRETARY;
		}

		/** Reads no personal data at all. */
		public boolean viewer() {
			return this.kind == Kind.VIEWER;
		}

		public boolean nobody() {
			return this.kind == Kind.NOBODY;
		}

		/** The kinds of reader. */
		public enum Kind {

			SERVICE, ORG_DEPT, SECRETARY, VIEWER, NOBODY

		}

	}

}
