package org.partynet.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.partynet.security.AccountDirectory.StoredAccount;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * 修改密码: everyone with a password of the graph changes it here, and an account signed in
 * with a one-time password must before anything else ({@link AccountStateFilter} sends it
 * here), then goes on to the page it first asked for. The change signs the account's
 * other sessions out and keeps this one.
 */
@Controller
class PasswordPage {

	static final String PATH = "/account/password";

	private final Accounts accounts;

	private final AccountDirectory directory;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordPage(Accounts accounts, AccountDirectory directory, PasswordEncoder encoder, PasswordPolicy policy) {
		this.accounts = accounts;
		this.directory = directory;
		this.encoder = encoder;
		this.policy = policy;
	}

	/** What an account with a one-time password may still ask for. */
	static boolean allowedBeforeChange(String path) {
		return path.equals(PATH) || path.equals("/logout") || path.equals("/login") || path.startsWith("/common/")
				|| path.equals("/error") || path.equals("/favicon.ico");
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	ResponseEntity<String> form(HttpServletRequest request) {
		return page(request, null, HttpServletResponse.SC_OK);
	}

	@PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeat) {
		String username = Access.username();
		Optional<StoredAccount> account = this.accounts.stored(username);
		if (account.isEmpty() || account.get().passwordHash() == null) {
			return page(request, "此账号的密码不在本系统中管理 / This account's password is not kept here",
					HttpServletResponse.SC_BAD_REQUEST);
		}
		if (!this.encoder.matches(current, account.get().passwordHash())) {
			return page(request, "当前密码不正确 / The current password is wrong", HttpServletResponse.SC_BAD_REQUEST);
		}
		if (!password.equals(repeat)) {
			return page(request, "两次输入的新密码不一致 / The new passwords differ", HttpServletResponse.SC_BAD_REQUEST);
		}
		if (password.equals(current)) {
			return page(request, "新密码不能与当前密码相同 / The new password must differ from the current one",
					HttpServletResponse.SC_BAD_REQUEST);
		}
		Optional<String> problem = this.policy.problem(username, password);
		if (problem.isPresent()) {
			return page(request, problem.get(), HttpServletResponse.SC_BAD_REQUEST);
		}
		StoredAccount changed = this.directory.changePassword(account.get().username(), this.encoder.encode(password));
		keepSignedIn(request, response, changed);
		SavedRequest saved = this.requests.getRequest(request, response);
		this.requests.removeRequest(request, response);
		String next = (saved != null) ? saved.getRedirectUrl() : "/";
		return ResponseEntity.status(HttpServletResponse.SC_SEE_OTHER).header("Location", next).build();
	}

	// The stamp changed with the password: this session takes the new one (and a new
	// session id), the account's other sessions are signed out on their next request.
	private void keepSignedIn(HttpServletRequest request, HttpServletResponse response, StoredAccount account) {
		List<GrantedAuthority> authorities = AccountAuthorities.of(account, AccountSource.LOCAL);
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
				User.withUsername(account.username()).password("").authorities(authorities).build(), null, authorities);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

	private ResponseEntity<String> page(HttpServletRequest request, String error, int status) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String notice = Access.mustChangePassword()
				? "<p class=\"info\" role=\"status\">您正在使用一次性密码，请先设置自己的密码 / You signed in with a one-time password: choose your own first</p>"
				: "";
		String message = (error != null) ? "<p class=\"error\" role=\"alert\" id=\"password-error\">%s</p>"
			.formatted(HtmlUtils.htmlEscape(error)) : "";
		String body = """
				%s%s
				<form method="post" action="%s">
				  <p>账号 Account: <strong>%s</strong></p>
				  <label for="current">当前密码 Current password</label>
				  <input type="password" id="current" name="current" autocomplete="current-password" required autofocus>
				  <label for="password">新密码 New password</label>
				  <input type="password" id="password" name="password" autocomplete="new-password" required minlength="8" maxlength="%d">
				  <label for="repeat">再次输入新密码 New password again</label>
				  <input type="password" id="repeat" name="repeat" autocomplete="new-password" required>
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit" id="change-password">修改密码 Change password</button>
				</form>
				<p class="demo">至少 %d 个字符，不含用户名，不用常见密码 / At least %d characters, not the user name, not a common password.
				<a href="/logout">退出 Sign out</a></p>
				"""
			.formatted(notice, message, PATH, HtmlUtils.htmlEscape(Access.username()), PasswordPolicy.MAX_LENGTH,
					HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
					this.policy.minLength(), this.policy.minLength());
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8"))
			.body(LoginPage.page("修改密码 Change password", body));
	}

}
