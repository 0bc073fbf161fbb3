package org.partynet.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The login form of the pages, with its CSRF token; Spring Security handles the POST. */
@Controller
class LoginPage {

	private final SecurityProperties properties;

	private final List<SignInMethod> methods;

	LoginPage(SecurityProperties properties, List<SignInMethod> methods) {
		this.properties = properties;
		this.methods = methods;
	}

	/**
	 * Signing out is a POST with the CSRF token; a link to this page gives the pages a
	 * way to it.
	 */
	@GetMapping(path = "/logout", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	@ResponseBody
	String logout(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return page("退出 Sign out", """
				<form method="post" action="/logout">
				  <p>确定退出吗？ Sign out?</p>
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit" id="sign-out">退出 Sign out</button>
				</form>
				""".formatted(HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
	}

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	@ResponseBody
	String login(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String message = "";
		if (request.getParameter("error") != null) {
			message = "<p class=\"error\" role=\"alert\">%s</p>".formatted(HtmlUtils.htmlEscape(failure(request)));
		}
		else if (request.getParameter("logout") != null) {
			message = "<p class=\"info\" role=\"status\">已退出 / Signed out</p>";
		}
		StringBuilder links = new StringBuilder();
		for (SignInMethod method : this.methods) {
			if (method.loginLink() != null) {
				links.append("<p class=\"sso\"><a href=\"%s\">%s</a></p>\n"
					.formatted(HtmlUtils.htmlEscape(method.loginLink()), HtmlUtils.htmlEscape(method.loginLinkText())));
			}
		}
		String demo = this.properties.demoAccounts()
				? "<p class=\"demo\">演示账号 Demo accounts: <code>orgdept</code>（组织部 read/write）、<code>secretary</code>（社区书记 own community）、"
						+ "<code>viewer</code>（只看统计 counts only），密码 password <code>demo</code></p>"
				: "";
		return page("登录 Sign in", """
				%s
				<form method="post" action="/login">
				  <label for="username">用户名 User name</label>
				  <input type="text" id="username" name="username" autocomplete="username" required autofocus>
				  <label for="password">密码 Password</label>
				  <input type="password" id="password" name="password" autocomplete="current-password" required>
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit" id="sign-in">登录 Sign in</button>
				</form>
				%s%s
				""".formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()),
				HtmlUtils.htmlEscape(csrf.getToken()), links, demo));
	}

	/**
	 * Why the last sign-in of this session failed, as Spring Security's failure handler
	 * kept it.
	 */
	private static String failure(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		// a lock, or a directory or single sign-on user without an enabled account, says
		// so
		return (failure instanceof SignInRefusedException || failure instanceof AccountRefusedException)
				? ((Exception) failure).getMessage() : "用户名或密码不正确 / Wrong user name or password";
	}

	static String page(String title, String body) {
		return """
				<!DOCTYPE html>
				<html lang="zh-CN">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · 城市基层党建网络</title>
				<style>
				  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #f5f1ec; margin: 0; }
				  main { max-width: 24rem; margin: 10vh auto; background: #fff; padding: 2rem; border-top: 4px solid #c0392b;
				         box-shadow: 0 2px 12px rgba(0,0,0,.08); }
				  h1 { font-size: 1.3rem; margin: 0 0 1.5rem; } h1 small { display: block; color: #777; font-weight: normal; font-size: .85rem; }
				  label { display: block; margin: .8rem 0 .3rem; }
				  input[type=text], input[type=password] { width: 100%%; box-sizing: border-box; padding: .5rem; font-size: 1rem; min-height: 44px; }
				  button { margin-top: 1.2rem; width: 100%%; padding: .6rem; font-size: 1rem; min-height: 44px; background: #c0392b; color: #fff; border: 0; cursor: pointer; }
				  @media (max-width: 640px) { main { margin: 16px 10px; padding: 1.2rem; } }
				  .sso { text-align: center; margin-top: 1rem; } .error { color: #b00020; } .info { color: #2e7d32; } .demo { color: #555; font-size: .85rem; margin-top: 1.5rem; }
				</style>
				</head>
				<body>
				<main>
				  <h1>城市基层党建网络<small>Urban party organization network · %s</small></h1>
				%s
				</main>
				</body>
				</html>
				"""
			.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), body);
	}

}
