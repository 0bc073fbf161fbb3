package org.partynet.security;

import java.net.InetAddress;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The real servers the directory and single sign-on tests sign in against, started once
 * in this JVM on free ports of the loopback address and stopped when it ends: an LDAP
 * directory (UnboundID's in-memory server, a real LDAP server over TCP) and an OpenID
 * Connect issuer (mock-oauth2-server, with discovery, keys, a login form, the token and
 * user info endpoints). The issuer's login form is on, so that a test signs in there as a
 * person would, typing a subject and the claims of the token.
 */
final class SignInServers {

	static final String BASE = "dc=partynet,dc=test";

	static final String MANAGER_DN = "cn=manager," + BASE;

	static final String MANAGER_PASSWORD = "manager-secret";

	/** The issuer's id, the last segment of its URL, and the client registration's. */
	static final String ISSUER = "partynet";

	private static InMemoryDirectoryServer directory;

	private static MockOAuth2Server issuer;

	private SignInServers() {
	}

	/**
	 * The directory's users under {@code ou=people}: uid, password and, where it has one,
	 * {@code employeeNumber}, a person's code of the sample.
	 */
	static final String[][] PEOPLE = { { "dir.orgdept", "Dir-pass-1", "RY30001" }, { "dir.nobody", "Dir-pass-2", null },
			{ "dir.disabled", "Dir-pass-3", "RY30002" }, { "wang", "Dir-pass-4", "RY20011" },
			{ "zhao", "Dir-pass-5", "RY30004" }, { "qian", "Dir-pass-6", null } };

	static synchronized String directoryUrl() {
		if (directory == null) {
			directory = startDirectory();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> directory.shutDown(true)));
		}
		return "ldap://127.0.0.1:" + directory.getListenPort();
	}

	static synchronized String issuerUri() {
		if (issuer == null) {
			issuer = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
			issuer.start(InetAddress.getLoopbackAddress(), 0);
			Runtime.getRuntime().addShutdownHook(new Thread(issuer::shutdown));
		}
		return issuer.issuerUrl(ISSUER).toString();
	}

	private static InMemoryDirectoryServer startDirectory() {
		try {
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
			config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
			config.setListenerConfigs(
					InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: partynet");
			server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
			for (String[] person : PEOPLE) {
				String dn = "dn: uid=%s,ou=people,%s".formatted(person[0], BASE);
				if (person[2] != null) {
					server.add(dn, "objectClass: inetOrgPerson", "uid: " + person[0], "cn: " + person[0],
							"sn: " + person[0], "userPassword: " + person[1], "employeeNumber: " + person[2]);
				}
				else {
					server.add(dn, "objectClass: inetOrgPerson", "uid: " + person[0], "cn: " + person[0],
							"sn: " + person[0], "userPassword: " + person[1]);
				}
			}
			server.startListening();
			return server;
		}
		catch (LDAPException | LDIFException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
